/**
 * ORG-3 — people and their roles. The system administrator keeps accounts (create, edit,
 * deactivate); the security administrator alone changes roles and resets passwords (三员分立).
 * Administrator roles are exclusive (`roleSetProblem`). The system administrator gives a new
 * account its initial roles (a fresh deployment's sysadmin must be able to create the security
 * and audit administrators, see seed/init.ts); every later change of roles is the security
 * administrator's, who cannot change their own.
 */
import { roleSetProblem, type Role, type api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { appendAudit } from '../../platform/audit';
import { hashPassword } from '../../platform/auth/password';
import { deleteUserSessions } from '../../platform/auth/sessions';
import type { Conn } from '../../platform/db/database';
import { badRequest, notFound, ruleViolation, staleVersion, duplicate } from '../../platform/errors';
import { newId, newToken } from '../../platform/ids';
import * as repo from './org.repo';
import { authorize } from './org.policy';
import { changes, isUniqueViolation, peopleView, personView, requireKnown } from './org.support';
import { runTx } from '../../platform/db/tx';

type PersonInput = z.output<typeof api.PersonInput>;
type PersonPatch = z.output<typeof api.PersonPatch>;
type Person = z.infer<typeof api.Person>;

const usernameTaken = (u: string) => duplicate(`用户名「${u}」已被使用，请换一个用户名`, 'body.username');

function checkRoles(roles: readonly Role[]): void {
  const problem = roleSetProblem(roles);
  if (problem) throw badRequest(problem, 'body.roles');
}

async function checkDepartment(db: Conn, departmentId: string | null | undefined): Promise<void> {
  if (!departmentId) return;
  requireKnown([['body.departmentId', departmentId]], await repo.activeDepartmentIds(db, [departmentId]), '部门');
}

export function createPeopleService(ctx: Pick<AppContext, 'db' | 'clock'>) {
  const { db, clock } = ctx;

  async function get(id: string, conn: Conn = db): Promise<Person> {
    const p = await personView(conn, id);
    if (!p) throw notFound('人员');
    return p;
  }

  function list(filter: repo.PeopleFilter): Promise<Person[]> {
    return peopleView(db, filter);
  }

  async function create(actor: Actor, input: PersonInput): Promise<Person> {
    authorize(actor, 'person.write');
    checkRoles(input.roles);
    // scrypt before the transaction: it is slow and holds no lock
    const hash = await hashPassword(input.password);
    const id = newId();
    const now = clock.now().toISOString();
    try {
      return await runTx(db, async (tx) => {
        if (await repo.usernameTaken(tx, input.username)) throw usernameTaken(input.username);
        await checkDepartment(tx, input.departmentId);
        const self = await repo.findSelfOrgan(tx);
        if (!self) throw ruleViolation('尚未设置本机关，请先在机关管理中设置本机关');
        await repo.insertUser(
          tx,
          {
            id,
            username: input.username,
            name: input.name,
            password_hash: hash,
            organ_id: self.id,
            department_id: input.departmentId ?? null,
            title: input.title ?? null,
            phone: input.phone ?? null,
            active: 1,
            must_change_password: 1,
            feed_token: newToken(),
            version: 1,
            created_at: now,
            updated_at: now,
          },
          input.roles,
        );
        await appendAudit(tx, clock, {
          actorId: actor.id,
          action: 'org.person.created',
          entityType: 'user',
          entityId: id,
          detail: { after: { username: input.username, name: input.name, departmentId: input.departmentId ?? null, roles: input.roles } },
        });
        return get(id, tx);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw usernameTaken(input.username);
      throw err;
    }
  }

  async function update(actor: Actor, id: string, patch: PersonPatch): Promise<Person> {
    authorize(actor, 'person.write');
    return runTx(db, async (tx) => {
      const before = await get(id, tx);
      await checkDepartment(tx, patch.departmentId);
      const diff = changes(before, { name: patch.name, title: patch.title, phone: patch.phone, departmentId: patch.departmentId });
      const n = await repo.updateUser(tx, id, patch.version, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.title !== undefined ? { title: patch.title } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
        ...(patch.departmentId !== undefined ? { department_id: patch.departmentId } : {}),
        updated_at: clock.now().toISOString(),
      });
      if (n === 0) throw staleVersion();
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.person.updated',
        entityType: 'user',
        entityId: id,
        detail: { before: diff.before, after: diff.after },
      });
      return get(id, tx);
    });
  }

  /** Deactivating also ends every session of the person at once. */
  async function setActive(actor: Actor, id: string, version: number, active: boolean): Promise<Person> {
    authorize(actor, 'person.write');
    if (!active && id === actor.id) throw ruleViolation('不能停用自己的账号');
    return runTx(db, async (tx) => {
      const before = await get(id, tx);
      const n = await repo.updateUser(tx, id, version, { active: active ? 1 : 0, updated_at: clock.now().toISOString() });
      if (n === 0) throw staleVersion();
      if (!active) await deleteUserSessions(tx, id);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: active ? 'org.person.activated' : 'org.person.deactivated',
        entityType: 'user',
        entityId: id,
        fromState: before.active ? 'active' : 'inactive',
        toState: active ? 'active' : 'inactive',
        detail: { username: before.username },
      });
      return get(id, tx);
    });
  }

  async function setRoles(actor: Actor, id: string, roles: Role[], version: number): Promise<Person> {
    authorize(actor, 'roles.assign');
    checkRoles(roles);
    if (id === actor.id) throw ruleViolation('不能修改自己的角色，请由另一名安全保密管理员办理');
    const wanted = [...new Set(roles)].sort();
    return runTx(db, async (tx) => {
      const before = await get(id, tx);
      const n = await repo.updateUser(tx, id, version, { updated_at: clock.now().toISOString() });
      if (n === 0) throw staleVersion();
      await repo.replaceRoles(tx, id, wanted);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.person.roles_changed',
        entityType: 'user',
        entityId: id,
        detail: { before: { roles: before.roles }, after: { roles: wanted } },
      });
      return get(id, tx);
    });
  }

  /** A new initial password; the person must change it at next login, and is logged out now. */
  async function resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    authorize(actor, 'password.reset');
    const hash = await hashPassword(password);
    await runTx(db, async (tx) => {
      const before = await get(id, tx);
      const now = clock.now().toISOString();
      await repo.setPassword(tx, id, hash, now);
      await repo.touchUser(tx, id, now);
      await deleteUserSessions(tx, id);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.person.password_reset',
        entityType: 'user',
        entityId: id,
        detail: { username: before.username },
      });
    });
  }

  return { list, get, create, update, setActive, setRoles, resetPassword };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
