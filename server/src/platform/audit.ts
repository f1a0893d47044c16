/**
 * The audit trail: every change writes one row in the same transaction as the change.
 * Rows are hash-chained: hash = sha256(prev_hash + canonical row). The chain head (audit_head)
 * is updated first, which serialises writers on PostgreSQL (row lock) and SQLite (one writer),
 * so the chain never forks. `verifyAudit` recomputes the chain and names the first broken row.
 */
import { createHash } from 'node:crypto';
import type { Conn } from './db/database';
import type { Clock } from './clock';
import { newId } from './ids';
import { deferToCommit } from './db/tx';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  matterId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  /** before/after or other facts, as a short JSON-able object */
  detail?: Record<string, unknown> | null;
}

interface HashedFields {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  matter_id: string | null;
  from_state: string | null;
  to_state: string | null;
  detail: string | null;
}

export function auditHash(prevHash: string, f: HashedFields): string {
  const canonical = JSON.stringify([f.seq, f.id, f.at, f.actor_id, f.action, f.entity_type, f.entity_id, f.matter_id, f.from_state, f.to_state, f.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * Record an audit row for the change being made in `tx`. Inside a `runTx` unit the row is written
 * at the end of the transaction (the chain head is the last lock taken, see platform/db/tx.ts);
 * otherwise at once. `at` is the time of the call either way.
 */
export async function appendAudit(tx: Conn, clock: Clock, e: AuditEntry): Promise<void> {
  const at = clock.now().toISOString();
  if (
    deferToCommit(tx, async (t) => {
      await writeAudit(t, at, e);
    })
  )
    return;
  await writeAudit(tx, at, e);
}

async function writeAudit(tx: Conn, at: string, e: AuditEntry): Promise<number> {
  const head = await tx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const fields: HashedFields = {
    seq: Number(head.seq),
    id: newId(),
    at,
    actor_id: e.actorId,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId ?? null,
    matter_id: e.matterId ?? null,
    from_state: e.fromState ?? null,
    to_state: e.toState ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
  const hash = auditHash(head.hash, fields);
  await tx
    .insertInto('audit_events')
    .values({ ...fields, prev_hash: head.hash, hash })
    .execute();
  await tx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return fields.seq;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/** Recompute the chain from the first row; report the first row whose hash or link does not hold. */
export async function verifyAudit(db: Conn, batch = 2000): Promise<AuditVerifyResult> {
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: `第${expectedSeq}条审计记录缺失（记录被删除）` };
      if (r.prev_hash !== prevHash) return { ok: false, checked, firstBrokenSeq: seq, reason: `第${seq}条审计记录的前序哈希与上一条不符` };
      const h = auditHash(prevHash, { ...r, seq });
      if (h !== r.hash) return { ok: false, checked, firstBrokenSeq: seq, reason: `第${seq}条审计记录的内容与其哈希不符（记录被修改）` };
      prevHash = r.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && (Number(head.seq) !== checked || head.hash !== prevHash)) {
    return { ok: false, checked, firstBrokenSeq: checked + 1, reason: `审计链末尾与链头不符：第${checked + 1}条起的记录缺失` };
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}
