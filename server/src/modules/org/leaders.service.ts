/**
 * ORG-3 — leaders: post, rank (级别, with a comparable rank order), precedence (排序), first-line
 * or second-line (一线/二线), principal (主要领导) or not, secretary, and the areas and
 * departments they are in charge of (分管). The profile belongs to a person who holds the
 * `leader` role; there is at most one first-line principal leader.
 */
import type { api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { appendAudit } from '../../platform/audit';
import { notFound, ruleViolation } from '../../platform/errors';
import { newId } from '../../platform/ids';
import * as repo from './org.repo';
import { authorize } from './org.policy';
import { peopleView, personView, requireKnown } from './org.support';
import { runTx } from '../../platform/db/tx';

type LeaderInput = z.output<typeof api.LeaderInput>;
type Person = z.infer<typeof api.Person>;

export function createLeadersService(ctx: Pick<AppContext, 'db' | 'clock'>) {
  const { db, clock } = ctx;

  /** Active leaders: first-line before second-line, the principal first, then by precedence. */
  async function list(opts: { line?: 'first' | 'second' } = {}): Promise<Person[]> {
    const ids = await repo.leaderIdsInOrder(db, opts);
    const people = await peopleView(db, { ids });
    const byId = new Map(people.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id)).filter((p): p is Person => !!p);
  }

  async function setProfile(actor: Actor, id: string, input: LeaderInput): Promise<Person> {
    authorize(actor, 'leader.write');
    return runTx(db, async (tx) => {
      const person = await personView(tx, id);
      if (!person) throw notFound('人员');
      if (!person.roles.includes('leader')) throw ruleViolation(`${person.name}没有“领导”角色，请先由安全保密管理员授予该角色`);
      const secretaryId = input.secretaryId ?? null;
      if (secretaryId) {
        if (secretaryId === id) throw ruleViolation('领导不能担任自己的秘书');
        requireKnown([['body.secretaryId', secretaryId]], await repo.activeUserIds(tx, [secretaryId]), '秘书（人员）');
      }
      const deptRefs = input.charges.flatMap((c, i) => (c.departmentId ? [[`body.charges[${i}].departmentId`, c.departmentId] as const] : []));
      requireKnown(
        deptRefs,
        await repo.activeDepartmentIds(
          tx,
          deptRefs.map(([, d]) => d),
        ),
        '分管部门',
      );
      if (input.principal && input.line === 'first') {
        const other = await repo.otherPrincipal(tx, id);
        if (other) throw ruleViolation(`已有主要领导${other.name}（${other.post}），请先取消其主要领导标记`);
      }
      const now = clock.now().toISOString();
      await repo.upsertLeader(tx, {
        user_id: id,
        post: input.post,
        rank: input.rank,
        rank_order: input.rankOrder,
        precedence: input.precedence,
        line: input.line,
        principal: input.principal ? 1 : 0,
        secretary_id: secretaryId,
        updated_at: now,
      });
      await repo.replaceCharges(
        tx,
        id,
        input.charges.map((c) => ({ id: newId(), area: c.area, department_id: c.departmentId ?? null })),
      );
      await repo.touchUser(tx, id, now);
      const after = { ...input, secretaryId, charges: input.charges.map((c) => ({ area: c.area, departmentId: c.departmentId ?? null })) };
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: person.leader ? 'org.leader.updated' : 'org.leader.created',
        entityType: 'leader',
        entityId: id,
        detail: {
          before: person.leader ? { ...person.leader, charges: person.leader.charges.map(({ area, departmentId }) => ({ area, departmentId })) } : null,
          after,
        },
      });
      const out = await personView(tx, id);
      if (!out) throw notFound('人员');
      return out;
    });
  }

  async function removeProfile(actor: Actor, id: string): Promise<Person> {
    authorize(actor, 'leader.write');
    return runTx(db, async (tx) => {
      const person = await personView(tx, id);
      if (!person) throw notFound('人员');
      if (!person.leader) throw notFound('领导信息');
      await repo.deleteLeader(tx, id);
      await repo.touchUser(tx, id, clock.now().toISOString());
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.leader.removed',
        entityType: 'leader',
        entityId: id,
        detail: { before: person.leader },
      });
      const out = await personView(tx, id);
      if (!out) throw notFound('人员');
      return out;
    });
  }

  return { list, setProfile, removeProfile };
}

export type LeadersService = ReturnType<typeof createLeadersService>;
