/**
 * OUT-1 and the draft: a new 发文 as a matter, the leaders' 交代, the office's 统一意图 (a content
 * version of kind `outgoing.intent`), the draft (versions of kind `outgoing.draft`, every save a
 * version, a stale save 409) and the checker run on a draft without saving it.
 */
import { chinaDate, mayRegister, type api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { isOffice, requireWorkflowUser } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import { runTx } from '../../platform/db/tx';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { fromJson } from '../../platform/json';
import type { Kernel } from '../../kernel/kernel';
import { createLookupsRepo, findVisibleMatter } from '../../kernel/reads';
import { checkOrgans, draftFindings, requireKnownOrgans } from './outgoing.check';
import { DRAFT_KIND, INTENT_KIND } from './outgoing.kind';
import { createOutgoingRepo } from './outgoing.repo';

type Deps = Pick<AppContext, 'db' | 'clock'>;
const PRIORITY = { none: 'normal', 加急: 'urgent', 特急: 'very_urgent' } as const;

/** The 发文 if the actor may see it (404 otherwise, as for a matter that does not exist). */
export async function loadOutgoing(conn: Conn, actor: Actor, id: string) {
  const m = await findVisibleMatter(conn, actor, id);
  const o = m && m.kind === 'outgoing' ? await createOutgoingRepo(conn).get(id) : undefined;
  if (!m || !o) throw notFound('发文');
  return { m, o, leaderIds: fromJson<string[]>(o.leader_ids, []) };
}

export function createOutgoingDrafting({ db, clock }: Deps, { kernel }: { kernel: Kernel }) {
  /** A new 发文: by the office, or a liaison or drafter for their own department. */
  async function create(actor: Actor, body: z.infer<typeof api.OutgoingCreateBody>): Promise<string> {
    requireWorkflowUser(actor);
    if (!mayRegister('outgoing', actor.roles)) throw forbidden('只有办公室或部门的联络员、拟稿人可以新建发文');
    if (!isOffice(actor) && body.draftingDepartmentId !== actor.departmentId) throw forbidden('部门联络员和拟稿人只能为本部门新建发文');
    return runTx(db, async (tx) => {
      const lookups = createLookupsRepo(tx);
      if (!(await lookups.activeDepartment(body.draftingDepartmentId))) throw badRequest('起草部门不存在或已停用', 'body.draftingDepartmentId');
      for (const [i, id] of body.leaderIds.entries()) {
        if (!(await lookups.activeLeader(id))) throw badRequest(`不是本机关在职领导：${id}`, `body.leaderIds[${i}]`);
      }
      const id = await kernel.matters.register(tx, {
        kind: 'outgoing',
        title: body.title,
        status: 'drafting',
        by: actor.id,
        ownerId: actor.id,
        departmentId: body.draftingDepartmentId,
        priority: PRIORITY[body.urgency],
        access: [
          { type: 'user', id: actor.id },
          { type: 'role', id: 'office' },
          { type: 'department', id: body.draftingDepartmentId },
          ...body.leaderIds.map((l) => ({ type: 'user' as const, id: l })),
        ],
        auditAction: 'outgoing.created',
        auditDetail: { docType: body.docType, urgency: body.urgency, leaderIds: body.leaderIds, draftingDepartmentId: body.draftingDepartmentId },
      });
      await createOutgoingRepo(tx).insert({ matter_id: id, doc_type: body.docType, secrecy: 'none', urgency: body.urgency, leader_ids: body.leaderIds });
      return id;
    });
  }

  /**
   * A leader's 交代 on record: a leader of this 发文 records their own; the office records one on
   * a leader's behalf (given by phone or in person), which stays marked as recorded by the office.
   */
  async function instruct(actor: Actor, id: string, body: z.infer<typeof api.OutgoingInstructionBody>): Promise<void> {
    await runTx(db, async (tx) => {
      const { m, leaderIds } = await loadOutgoing(tx, actor, id);
      const roles = await kernel.policy.require(tx, actor, m, 'brief');
      if (!leaderIds.includes(body.leaderId)) throw badRequest('该领导不是此文的交代领导：请选择新建发文时所列的领导', 'body.leaderId');
      if (body.leaderId !== actor.id && !roles.includes('office')) throw forbidden('领导只能记录本人的交代；代领导记录须由办公室办理');
      if (body.givenOn > chinaDate(clock.now())) throw badRequest('交代日期不能晚于今天', 'body.givenOn');
      await kernel.matters.bump(tx, id, body.version);
      const rowId = newId();
      await createOutgoingRepo(tx).insertInstruction({
        id: rowId,
        matter_id: id,
        leader_id: body.leaderId,
        text: body.text,
        given_on: body.givenOn,
        channel: body.channel,
        recorded_by: actor.id,
        created_at: clock.now().toISOString(),
      });
      await kernel.audit.append(tx, {
        actorId: actor.id,
        action: 'outgoing.instruction_recorded',
        entityType: 'matter',
        entityId: id,
        matterId: id,
        detail: { leaderId: body.leaderId, givenOn: body.givenOn, channel: body.channel, onBehalf: body.leaderId !== actor.id },
      });
    });
  }

  /** The office's 统一意图 from the 交代: a new version each save, its sources named. */
  async function saveIntent(actor: Actor, id: string, body: z.infer<typeof api.OutgoingIntentBody>): Promise<void> {
    await runTx(db, async (tx) => {
      const { m } = await loadOutgoing(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'writeIntent');
      const known = new Set(await createOutgoingRepo(tx).instructionIds(id));
      body.sourceIds.forEach((s, i) => {
        if (!known.has(s)) throw badRequest('所依据的交代不是此文的领导交代', `body.sourceIds[${i}]`);
      });
      await kernel.versions.save(tx, {
        matterId: id,
        by: actor.id,
        content: { text: body.text, sourceIds: body.sourceIds },
        reason: body.reason,
        kind: INTENT_KIND,
        baseVersionNo: body.baseVersionNo,
        baseOfKind: true,
      });
    });
  }

  /** Save the draft: every save a version; a save from a version that is no longer the latest is 409. */
  async function saveDraft(actor: Actor, id: string, body: z.infer<typeof api.OutgoingDraftBody>): Promise<void> {
    await runTx(db, async (tx) => {
      const { m } = await loadOutgoing(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'editDraft');
      requireKnownOrgans(body.draft, await checkOrgans(tx), 'body.draft');
      await kernel.versions.save(tx, {
        matterId: id,
        by: actor.id,
        content: body.draft,
        reason: body.reason,
        kind: DRAFT_KIND,
        baseVersionNo: body.baseVersionNo,
        baseOfKind: true,
      });
    });
  }

  /** The checker's findings on a draft as typed, saving nothing (the live check beside the fields). */
  async function check(actor: Actor, id: string, body: z.infer<typeof api.OutgoingCheckBody>) {
    const { m } = await loadOutgoing(db, actor, id);
    await kernel.policy.require(db, actor, m, 'editDraft');
    const organs = await checkOrgans(db);
    requireKnownOrgans(body.draft, organs, 'body.draft');
    return { findings: await draftFindings(db, body.draft, organs) };
  }

  return { create, instruct, saveIntent, saveDraft, check };
}
