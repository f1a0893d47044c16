/**
 * The rule checker on a 发文 draft: the checker's input built from the draft's fields and the
 * organisation's organ graph (the same organs the 公文合规检查 reads, `systemCheckOrgans`), and
 * the findings mapped back to the draft's fields. The review slice reuses these.
 */
import { draftCheckInput, type api, type OutgoingDraft } from '@xietiao/domain';
import { checkDocument, type CheckOrgan, type Finding } from '@xietiao/domain/checks/index';
import type { z } from 'zod';
import type { Conn } from '../../platform/db/database';
import { badRequest } from '../../platform/errors';
import { systemCheckOrgans } from '../org/check-organs';

type Draft = z.infer<typeof api.OutgoingDraft>;
export type DraftFinding = Finding & { field: string | null };

/** The checker's document paths → the draft's fields (`document.mainTo[1]` → mainTo). */
const FIELD_OF: Record<string, string> = {
  type: 'docType',
  layout: 'docType',
  issuers: 'issuers',
  title: 'title',
  mainTo: 'mainTo',
  copyTo: 'copyTo',
  secrecy: 'secrecy',
  secrecyTerm: 'secrecy',
  urgency: 'urgency',
  body: 'body',
  attachmentNote: 'attachments',
  attachments: 'attachments',
  note: 'note',
  matters: 'matters',
};

export function fieldOfPath(path: string): string | null {
  const m = /^document\.(\w+)/.exec(path);
  return m ? (FIELD_OF[m[1]] ?? null) : null;
}

/** The organs as the checker takes them (active organs with superiors and parent). */
export async function checkOrgans(conn: Conn): Promise<CheckOrgan[]> {
  return (await systemCheckOrgans(conn)).map((o) => ({ id: o.id, name: o.name, kind: o.kind, level: o.level, superiors: o.superiors, parent: o.parent }));
}

/** Every organ the draft names must be an active organ of the system: 400 naming the field. */
export function requireKnownOrgans(d: Draft, organs: CheckOrgan[], path: string): void {
  const known = new Set(organs.map((o) => o.id));
  const names: Record<'issuers' | 'mainTo' | 'copyTo', string> = { issuers: '发文机关', mainTo: '主送机关', copyTo: '抄送机关' };
  for (const f of ['issuers', 'mainTo', 'copyTo'] as const) {
    d[f].forEach((id, i) => {
      if (!known.has(id)) throw badRequest(`${names[f]}不是本系统中的机关（或已停用）：${id}`, `${path}.${f}[${i}]`);
    });
  }
}

/** The checker's findings on a draft, each with the draft field it concerns. */
export async function draftFindings(conn: Conn, d: Draft, organs?: CheckOrgan[]): Promise<DraftFinding[]> {
  const all = organs ?? (await checkOrgans(conn));
  // a stored draft may name an organ deactivated since: say so instead of checking
  const known = new Set(all.map((o) => o.id));
  const gone = (['issuers', 'mainTo', 'copyTo'] as const).flatMap((f) =>
    d[f].flatMap((id, i) =>
      known.has(id)
        ? []
        : [{ rule: 'OUT-ORGAN', severity: 'error' as const, message: `所选机关已不在本系统的组织机构中，请重新选择`, path: `document.${f}[${i}]`, field: f }],
    ),
  );
  if (gone.length) return gone;
  const { findings } = checkDocument(draftCheckInput(d as OutgoingDraft, all));
  return findings.map((f) => ({ ...f, field: fieldOfPath(f.path) }));
}
