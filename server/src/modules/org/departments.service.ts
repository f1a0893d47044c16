/**
 * ORG-2 — departments (部门) of this organ, each with its functions (职责), which later suggest
 * who handles what. A department's liaisons and the leaders in charge of it are shown with it.
 */
import type { api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { appendAudit } from '../../platform/audit';
import type { Conn } from '../../platform/db/database';
import { notFound, ruleViolation, staleVersion, duplicate } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { toJson } from '../../platform/json';
import * as repo from './org.repo';
import { authorize } from './org.policy';
import { changes, departmentsView, isUniqueViolation } from './org.support';
import { runTx } from '../../platform/db/tx';

type DepartmentInput = z.output<typeof api.DepartmentInput>;
type DepartmentPatch = z.output<typeof api.DepartmentPatch>;
type Department = z.infer<typeof api.Department>;

const nameTaken = (name: string) => duplicate(`部门名称「${name}」已存在，请换一个名称`, 'body.name');

export function createDepartmentsService(ctx: Pick<AppContext, 'db' | 'clock'>) {
  const { db, clock } = ctx;

  async function get(id: string, conn: Conn = db): Promise<Department> {
    const row = await repo.findDepartment(conn, id);
    if (!row) throw notFound('部门');
    return (await departmentsView(conn, [row]))[0];
  }

  async function list(opts: { includeInactive?: boolean }): Promise<Department[]> {
    return departmentsView(db, await repo.listDepartments(db, opts));
  }

  async function create(actor: Actor, input: DepartmentInput): Promise<Department> {
    authorize(actor, 'department.write');
    const id = newId();
    const now = clock.now().toISOString();
    try {
      return await runTx(db, async (tx) => {
        const self = await repo.findSelfOrgan(tx);
        if (!self) throw ruleViolation('尚未设置本机关，请先在机关管理中设置本机关');
        if (await repo.findDepartmentByName(tx, self.id, input.name)) throw nameTaken(input.name);
        await repo.insertDepartment(tx, {
          id,
          organ_id: self.id,
          name: input.name,
          short_name: input.shortName ?? null,
          functions: toJson(input.functions),
          sort: input.sort,
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        });
        await appendAudit(tx, clock, {
          actorId: actor.id,
          action: 'org.department.created',
          entityType: 'department',
          entityId: id,
          detail: { after: { name: input.name, shortName: input.shortName ?? null, functions: input.functions, sort: input.sort } },
        });
        return get(id, tx);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(input.name);
      throw err;
    }
  }

  async function update(actor: Actor, id: string, patch: DepartmentPatch): Promise<Department> {
    authorize(actor, 'department.write');
    try {
      return await runTx(db, async (tx) => {
        const before = await get(id, tx);
        if (patch.name !== undefined && patch.name !== before.name) {
          if (await repo.findDepartmentByName(tx, before.organId, patch.name)) throw nameTaken(patch.name);
        }
        const diff = changes(before, { name: patch.name, shortName: patch.shortName, functions: patch.functions, sort: patch.sort });
        const n = await repo.updateDepartment(tx, id, patch.version, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.shortName !== undefined ? { short_name: patch.shortName } : {}),
          ...(patch.functions !== undefined ? { functions: toJson(patch.functions) } : {}),
          ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
          updated_at: clock.now().toISOString(),
        });
        if (n === 0) throw staleVersion();
        await appendAudit(tx, clock, {
          actorId: actor.id,
          action: 'org.department.updated',
          entityType: 'department',
          entityId: id,
          detail: { before: diff.before, after: diff.after },
        });
        return get(id, tx);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(patch.name ?? '');
      throw err;
    }
  }

  /** Deactivate; refused while active people still belong to it. */
  async function deactivate(actor: Actor, id: string, version: number): Promise<Department> {
    authorize(actor, 'department.write');
    return runTx(db, async (tx) => {
      const before = await get(id, tx);
      const members = await repo.listUsers(tx, { departmentId: id });
      if (members.length > 0) {
        throw ruleViolation(`「${before.name}」还有${members.length}名在岗人员（如${members[0].name}），请先调整其所在部门后再停用`);
      }
      const n = await repo.updateDepartment(tx, id, version, { active: 0, updated_at: clock.now().toISOString() });
      if (n === 0) throw staleVersion();
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.department.deactivated',
        entityType: 'department',
        entityId: id,
        fromState: 'active',
        toState: 'inactive',
        detail: { name: before.name },
      });
      return get(id, tx);
    });
  }

  return { list, get, create, update, deactivate };
}

export type DepartmentsService = ReturnType<typeof createDepartmentsService>;
