/**
 * Content versions (K-4) — the kernel API. A matter's structured content (a draft's fields,
 * later minutes) is kept as immutable versions 1, 2, 3…, each with its author, time and reason;
 * two versions are compared field by field (`diffContent` in domain/src/kernel/diff.ts).
 *
 * `save` runs in the caller's transaction (an area's command: save the draft, then open the
 * review step on that version). The version number is max+1 under the matter's row lock
 * (`matters.repo.lock`: PostgreSQL row lock, SQLite's one writer), so two saves of one matter
 * queue and get consecutive numbers; the unique (matter_id, version_no) index is the backstop.
 * A save that says which version its edit started from (`baseVersionNo`) is refused with 409
 * stale_version when another version was saved meanwhile — nobody overwrites an edit unseen.
 * Versions are never changed or deleted: there is no code path for it, and the database's
 * triggers refuse both.
 */
import { diffContent, type FieldChange } from '@xietiao/domain';
import type { AppContext } from '../platform/context';
import type { Conn } from '../platform/db/database';
import { appendAudit } from '../platform/audit';
import { invalidState, notFound, staleVersion } from '../platform/errors';
import { newId } from '../platform/ids';
import { fromJson } from '../platform/json';
import { createMattersRepo } from './matters.repo';
import { createVersionsRepo } from './versions.repo';

export interface SaveVersion {
  matterId: string;
  /** the author */
  by: string;
  content: Record<string, unknown>;
  reason: string;
  /** the content's schema, e.g. `outgoing.draft`, `minutes` */
  kind?: string | null;
  /** the version the edit started from (0 = none yet); stale → 409 stale_version */
  baseVersionNo?: number;
  /**
   * Compare `baseVersionNo` with the latest version of this `kind` only: a matter holding two
   * contents (a 发文's 统一意图 and its draft) lets one be saved without making the other stale.
   */
  baseOfKind?: boolean;
}

export interface ContentVersionRecord {
  id: string;
  matterId: string;
  no: number;
  kind: string | null;
  content: Record<string, unknown>;
  authorId: string;
  authorName: string;
  createdAt: string;
  reason: string;
}

export function createContentVersions(deps: Pick<AppContext, 'clock'>) {
  const { clock } = deps;

  async function get(conn: Conn, matterId: string, no: number): Promise<ContentVersionRecord | undefined> {
    const r = await createVersionsRepo(conn).byNo(matterId, no);
    if (!r) return undefined;
    return {
      id: r.id,
      matterId: r.matter_id,
      no: Number(r.version_no),
      kind: r.kind,
      content: fromJson<Record<string, unknown>>(r.content, {}),
      authorId: r.author_id,
      authorName: r.author_name,
      createdAt: r.created_at,
      reason: r.reason,
    };
  }

  /** Save a new version of the matter's content; returns its id and number. */
  async function save(tx: Conn, v: SaveVersion): Promise<{ id: string; no: number }> {
    const at = clock.now().toISOString();
    const mattersRepo = createMattersRepo(tx);
    // The lock first: every save of this matter waits here for the one before to commit.
    if (!(await mattersRepo.lock(v.matterId, at))) throw notFound('事项');
    const m = await mattersRepo.findById(v.matterId);
    if (m?.closed_at) throw invalidState('该事项已办结或撤销，内容不能再修改');
    const repo = createVersionsRepo(tx);
    const latest = await repo.latestNo(v.matterId);
    const base = v.baseOfKind && v.kind ? await repo.latestNo(v.matterId, v.kind) : latest;
    if (v.baseVersionNo !== undefined && v.baseVersionNo !== base) {
      throw staleVersion(
        v.baseVersionNo < base
          ? `您修改的是第${v.baseVersionNo}版，其后已有人保存了第${base}版：请刷新，在最新版本上修改`
          : `该事项的内容目前只有${base}个版本，没有第${v.baseVersionNo}版：请刷新后重试`,
      );
    }
    const previousNo = v.baseOfKind && v.kind ? base : latest;
    const previous = previousNo > 0 ? await get(tx, v.matterId, previousNo) : undefined;
    const id = newId();
    const no = latest + 1;
    await repo.insert({
      id,
      matter_id: v.matterId,
      version_no: no,
      kind: v.kind ?? previous?.kind ?? null,
      content: v.content,
      author_id: v.by,
      created_at: at,
      reason: v.reason,
    });
    const changed = diffContent(previous?.content ?? null, v.content).map((c) => c.field);
    await appendAudit(tx, clock, {
      actorId: v.by,
      action: 'content.version_saved',
      entityType: 'content_version',
      entityId: id,
      matterId: v.matterId,
      detail: {
        versionNo: no,
        reason: v.reason,
        kind: v.kind ?? previous?.kind ?? null,
        changedFields: changed.slice(0, 50),
        ...(changed.length > 50 ? { moreChanged: changed.length - 50 } : {}),
      },
    });
    return { id, no };
  }

  async function list(conn: Conn, matterId: string) {
    const rows = await createVersionsRepo(conn).list(matterId);
    return rows.map((r) => ({
      id: r.id,
      matterId: r.matter_id,
      no: Number(r.version_no),
      kind: r.kind,
      authorId: r.author_id,
      authorName: r.author_name,
      createdAt: r.created_at,
      reason: r.reason,
    }));
  }

  /** The latest version number (of one `kind` when given); 0 when none. */
  const latestNo = (conn: Conn, matterId: string, kind?: string) => createVersionsRepo(conn).latestNo(matterId, kind);

  /**
   * The changes from version `from` to version `to` of one matter (`from` 0 = nothing yet);
   * undefined when either version does not exist.
   */
  async function diff(conn: Conn, matterId: string, from: number, to: number): Promise<{ from: number; to: number; changes: FieldChange[] } | undefined> {
    const a = from === 0 ? null : await get(conn, matterId, from);
    const b = to === 0 ? null : await get(conn, matterId, to);
    if (a === undefined || b === undefined) return undefined;
    return { from, to, changes: diffContent(a?.content ?? null, b?.content ?? null) };
  }

  return { save, list, get, latestNo, diff };
}
export type ContentVersions = ReturnType<typeof createContentVersions>;
