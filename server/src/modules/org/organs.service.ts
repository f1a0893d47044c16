/**
 * ORG-1 — organs (机关/单位) and their leading lines. An organ's leading organs are its
 * `superiorIds` (organ_superiors) plus its `parentId` (the organ a 部门/办公厅室 belongs to); the
 * relation between two organs (上级/下级/平级/不相隶属) is computed by the domain's
 * `organRelation` over the active organs. Writes refuse unknown references and cycles.
 */
import type { api } from '@xietiao/domain';
import { createRelationIndex, RELATION_LABELS, type RelationOrgan } from '@xietiao/domain/org/relation';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { appendAudit } from '../../platform/audit';
import type { Conn } from '../../platform/db/database';
import { badRequest, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId } from '../../platform/ids';
import * as repo from './org.repo';
import { authorize } from './org.policy';
import { changes, organsView, requireDistinct, requireKnown } from './org.support';
import { runTx } from '../../platform/db/tx';

type OrganInput = z.output<typeof api.OrganInput>;
type OrganPatch = z.output<typeof api.OrganPatch>;
type Organ = z.infer<typeof api.Organ>;

type NamedOrgan = RelationOrgan & { name: string };

/** The active organs as the domain's relation functions take them. */
async function relationOrgans(db: Conn): Promise<Map<string, NamedOrgan>> {
  const [organs, sup] = await Promise.all([repo.listOrgans(db), repo.superiorsOf(db)]);
  return new Map(
    organs.map((o) => [
      o.id,
      {
        id: o.id,
        name: o.name,
        level: o.level,
        kind: o.kind,
        parent: o.parent_id,
        superiors: sup.get(o.id) ?? [],
      },
    ]),
  );
}

/** Unknown/inactive references → 400 naming the field; a reference to itself or a cycle → 400. */
async function checkLeadingLine(db: Conn, organId: string, parentId: string | null, superiorIds: readonly string[], level: number): Promise<void> {
  requireDistinct(superiorIds, 'body.superiorIds', '上级机关');
  const refs: [string, string][] = superiorIds.map((s, i) => [`body.superiorIds[${i}]`, s]);
  if (parentId) refs.unshift(['body.parentId', parentId]);
  for (const [path, id] of refs) {
    if (id === organId) throw badRequest('机关不能以自身为上级或所属机关', path);
  }
  requireKnown(
    refs,
    await repo.activeOrganIds(
      db,
      refs.map(([, id]) => id),
    ),
    '所引用的机关',
  );
  const organs = await relationOrgans(db);
  const self = organs.get(organId);
  organs.set(organId, { id: organId, name: self?.name ?? '', level, kind: self?.kind ?? '', parent: parentId, superiors: superiorIds });
  const index = createRelationIndex(organs);
  for (const [path, id] of refs) {
    if (index.leadingLine(id).has(organId)) {
      throw badRequest(`不能形成循环的上下级关系：「${organs.get(id)?.name ?? id}」是本机关的下级，不能作为其上级或所属机关`, path);
    }
  }
}

export function createOrgansService(ctx: Pick<AppContext, 'db' | 'clock'>) {
  const { db, clock } = ctx;

  async function get(id: string, conn: Conn = db): Promise<Organ> {
    const row = await repo.findOrgan(conn, id);
    if (!row) throw notFound('机关');
    return (await organsView(conn, [row]))[0];
  }

  async function list(opts: { includeInactive?: boolean }): Promise<Organ[]> {
    return organsView(db, await repo.listOrgans(db, opts));
  }

  async function create(actor: Actor, input: OrganInput): Promise<Organ> {
    authorize(actor, 'organ.write');
    const id = newId();
    const now = clock.now().toISOString();
    const parentId = input.parentId ?? null;
    return runTx(db, async (tx) => {
      await checkLeadingLine(tx, id, parentId, input.superiorIds, input.level);
      const row = {
        id,
        name: input.name,
        short_name: input.shortName ?? null,
        kind: input.kind,
        level: input.level,
        parent_id: parentId,
        is_self: 0 as const,
        doc_code: input.docCode ?? null,
        active: 1 as const,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await repo.insertOrgan(tx, row, input.superiorIds);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.organ.created',
        entityType: 'organ',
        entityId: id,
        detail: { after: { name: row.name, kind: row.kind, level: row.level, parentId, superiorIds: input.superiorIds, docCode: row.doc_code } },
      });
      return get(id, tx);
    });
  }

  async function update(actor: Actor, id: string, patch: OrganPatch): Promise<Organ> {
    authorize(actor, 'organ.write');
    return runTx(db, async (tx) => {
      const before = await get(id, tx);
      const parentId = patch.parentId === undefined ? before.parentId : patch.parentId;
      const superiorIds = patch.superiorIds ?? before.superiorIds;
      const level = patch.level ?? before.level;
      if (patch.parentId !== undefined || patch.superiorIds !== undefined) {
        await checkLeadingLine(tx, id, parentId, superiorIds, level);
      }
      const diff = changes(before, {
        name: patch.name,
        shortName: patch.shortName,
        kind: patch.kind,
        level: patch.level,
        parentId: patch.parentId,
        superiorIds: patch.superiorIds,
        docCode: patch.docCode,
      });
      const n = await repo.updateOrgan(tx, id, patch.version, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.shortName !== undefined ? { short_name: patch.shortName } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.level !== undefined ? { level: patch.level } : {}),
        ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
        ...(patch.docCode !== undefined ? { doc_code: patch.docCode } : {}),
        updated_at: clock.now().toISOString(),
      });
      if (n === 0) throw staleVersion();
      if (patch.superiorIds !== undefined) await repo.replaceSuperiors(tx, id, patch.superiorIds);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.organ.updated',
        entityType: 'organ',
        entityId: id,
        detail: { before: diff.before, after: diff.after },
      });
      return get(id, tx);
    });
  }

  /** Deactivate; refused for this organ itself and for an organ that still leads active organs. */
  async function deactivate(actor: Actor, id: string, version: number): Promise<Organ> {
    authorize(actor, 'organ.write');
    return runTx(db, async (tx) => {
      const before = await get(id, tx);
      if (before.isSelf) throw ruleViolation('不能停用本机关');
      const dependants = await repo.activeDependants(tx, id);
      if (dependants.length > 0) {
        const names = dependants
          .slice(0, 3)
          .map((d) => `「${d.name}」`)
          .join('、');
        throw ruleViolation(`${names}${dependants.length > 3 ? `等${dependants.length}个机关` : ''}仍以该机关为上级或所属机关，请先调整后再停用`);
      }
      const n = await repo.updateOrgan(tx, id, version, { active: 0, updated_at: clock.now().toISOString() });
      if (n === 0) throw staleVersion();
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.organ.deactivated',
        entityType: 'organ',
        entityId: id,
        fromState: 'active',
        toState: 'inactive',
        detail: { name: before.name },
      });
      return get(id, tx);
    });
  }

  /** Relation of `otherId` as seen from `id` ('superior' = the other is this organ's 上级). */
  async function relation(id: string, otherId: string) {
    const organs = await relationOrgans(db);
    if (!organs.has(id)) throw notFound('机关');
    if (!organs.has(otherId)) throw notFound('机关');
    const rel = createRelationIndex(organs).relation(id, otherId);
    return { from: id, to: otherId, relation: rel, label: RELATION_LABELS[rel] };
  }

  return { list, get, create, update, deactivate, relation };
}

export type OrgansService = ReturnType<typeof createOrgansService>;
