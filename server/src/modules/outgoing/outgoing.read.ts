/** 发文 reads: the list under need-to-know, and one 发文 with its 交代, 统一意图, draft, findings and versions. */
import { outgoingLifecycle, type api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import type { Kernel } from '../../kernel/kernel';
import { createLookupsRepo } from '../../kernel/reads';
import { draftFindings } from './outgoing.check';
import { loadOutgoing } from './outgoing.drafting';
import { DRAFT_KIND, INTENT_KIND } from './outgoing.kind';
import { createOutgoingRepo } from './outgoing.repo';

type Deps = Pick<AppContext, 'db'>;
type Draft = z.infer<typeof api.OutgoingDraft>;
type Status = keyof typeof outgoingLifecycle.states;
const statusLabel = (s: string) => outgoingLifecycle.states[s as Status]?.label ?? s;

export function createOutgoingReads({ db }: Deps, { kernel }: { kernel: Kernel }) {
  async function detail(actor: Actor, id: string): Promise<z.infer<typeof api.OutgoingDetail>> {
    const { m, o, leaderIds } = await loadOutgoing(db, actor, id);
    const lookups = createLookupsRepo(db);
    const names = await lookups.userNames([...leaderIds, m.created_by]);
    const versions = await kernel.versions.list(db, id);
    const intentVersions = versions.filter((v) => v.kind === INTENT_KIND);
    const draftVersions = versions.filter((v) => v.kind === DRAFT_KIND);
    const lastIntent = intentVersions.at(-1);
    const lastDraft = draftVersions.at(-1);
    const intent = lastIntent ? await kernel.versions.get(db, id, lastIntent.no) : undefined;
    const draft = lastDraft ? await kernel.versions.get(db, id, lastDraft.no) : undefined;
    const draftContent = draft?.content as Draft | undefined;
    return {
      id: m.id,
      title: m.title,
      status: m.status,
      statusLabel: statusLabel(m.status),
      docType: o.doc_type as Draft['docType'],
      secrecy: o.secrecy,
      urgency: o.urgency,
      draftingDepartment: { id: m.department_id ?? '', name: (m.department_id && (await lookups.departmentName(m.department_id))) || '' },
      createdAt: m.created_at,
      updatedAt: m.updated_at,
      version: m.version,
      leaders: leaderIds.map((l) => ({ id: l, name: names.get(l) ?? l })),
      createdByName: names.get(m.created_by) ?? '',
      allowedActions: await kernel.policy.allowed(db, actor, m),
      instructions: (await createOutgoingRepo(db).instructions(id)).map((i) => ({
        id: i.id,
        leaderId: i.leader_id,
        leaderName: i.leader_name,
        text: i.text,
        givenOn: i.given_on,
        channel: i.channel,
        recordedById: i.recorded_by,
        recordedByName: i.recorder_name,
        onBehalf: i.recorded_by !== i.leader_id,
        createdAt: i.created_at,
      })),
      intent: intent
        ? {
            versionNo: intent.no,
            text: String(intent.content.text ?? ''),
            sourceIds: (intent.content.sourceIds as string[] | undefined) ?? [],
            authorName: intent.authorName,
            createdAt: intent.createdAt,
          }
        : null,
      intentVersions,
      draft: draft && draftContent ? { versionNo: draft.no, draft: draftContent, authorName: draft.authorName, createdAt: draft.createdAt } : null,
      draftVersions,
      findings: draftContent ? await draftFindings(db, draftContent) : [],
    };
  }

  async function list(actor: Actor, q: z.infer<typeof api.OutgoingListQuery>) {
    const { rows, total } = await createOutgoingRepo(db).list(actor, q);
    return {
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        statusLabel: statusLabel(r.status),
        docType: r.doc_type as Draft['docType'],
        secrecy: r.secrecy,
        urgency: r.urgency,
        draftingDepartment: { id: r.department_id ?? '', name: r.department_name ?? '' },
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
      total,
      totalCapped: false,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  return { detail, list };
}
