import { useMemo } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { ORGAN_KINDS, type CheckDocument, type CheckOrgan, type Finding, type OrganKind } from '@xietiao/domain/checks/types';
import type { ReadDocument, ReadField } from '@xietiao/domain/checks/reader';
import { http } from '../../lib/http';
import type { Organ } from '../../lib/types';
import { useOrgans } from '../org/api';

export type { CheckDocument, CheckOrgan, Finding, ReadDocument, ReadField };

/** The check input as the form sends it (check-contract.md, “Input”). */
export interface CheckRequest {
  organs: CheckOrgan[];
  document: Partial<CheckDocument> & Record<string, unknown>;
}
export interface CheckResponse {
  findings: Finding[];
}

export const checkKeys = {
  document: (doc: unknown, organsAt: number) => ['checks', 'document', organsAt, doc] as const,
};

const KINDS = new Set<string>(ORGAN_KINDS);

/** Every active organ of the organisation, in the check input's organ shape. */
export function toCheckOrgans(items: readonly Organ[]): CheckOrgan[] {
  const active = items.filter((o) => o.active);
  const ids = new Set(active.map((o) => o.id));
  return active.map((o) => ({
    id: o.id,
    name: o.name,
    kind: (KINDS.has(o.kind) ? o.kind : '其他') as OrganKind,
    level: o.level,
    // an inactive superior or parent is not in the list: the check would call it an unknown organ
    superiors: o.superiorIds.filter((s) => ids.has(s)),
    parent: o.parentId && ids.has(o.parentId) ? o.parentId : null,
  }));
}

/** The organs of /organs, active only, for both the pickers and the check input. */
export function useCheckOrgans() {
  const q = useOrgans();
  const organs = useMemo(() => toCheckOrgans(q.data?.items ?? []), [q.data]);
  const active = useMemo(() => (q.data?.items ?? []).filter((o) => o.active), [q.data]);
  return { ...q, organs, active };
}

/**
 * Checks a document with the server's rule engine. `document` null = do not check yet.
 * A 400 (incomplete input) comes back as the query's error, an ApiError with `path`.
 */
export function useDocumentCheck(organs: CheckOrgan[], organsAt: number, document: CheckRequest['document'] | null) {
  return useQuery({
    queryKey: checkKeys.document(document, organsAt),
    queryFn: ({ signal }) => http.post<CheckResponse>('/checks/document', { organs, document }, { signal }),
    enabled: document !== null && organs.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** What POST /checks/text answers (check-contract.md, “Reading a whole document”). */
export interface TextCheckResponse {
  document: ReadDocument;
  unread: ReadField[];
  findings: Finding[];
}

/** A whole document to read: pasted text, or a .docx file. */
export type ReadInput = { text: string } | { file: File };

/** Reads a whole document with the server (organs: the organisation in the system) and checks it. */
export function useReadText() {
  return useMutation({
    mutationFn: (input: ReadInput) => {
      if ('file' in input) {
        const form = new FormData();
        form.append('file', input.file, input.file.name);
        return http.post<TextCheckResponse>('/checks/text', form);
      }
      return http.post<TextCheckResponse>('/checks/text', { text: input.text });
    },
  });
}
