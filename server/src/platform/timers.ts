/**
 * Timers: a due time that fires a reminder or an escalation, written in the same transaction as
 * the step that made it. A poller claims due timers in small batches; on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, so several server processes on one database fire each timer exactly
 * once (a second process skips rows the first holds). On SQLite one writer runs at a time.
 * A handler runs inside the claiming transaction: its effects and the `fired` mark commit together.
 */
import type { Conn, Db, Dialect } from './db/database';
import type { Clock } from './clock';
import { newId } from './ids';
import { fromJson, toJson } from './json';
import type { TimersTable } from './db/schema';
import { runTx } from './db/tx';

export type TimerRow = TimersTable;
export type TimerHandler = (tx: Conn, timer: TimerRow & { payloadObj: Record<string, unknown> }, now: Date) => Promise<void>;

export interface ScheduleTimer {
  dueAt: Date | string;
  kind: string;
  matterId?: string | null;
  taskId?: string | null;
  payload?: Record<string, unknown>;
}

export async function scheduleTimer(tx: Conn, clock: Clock, t: ScheduleTimer): Promise<string> {
  const id = newId();
  await tx
    .insertInto('timers')
    .values({
      id,
      due_at: new Date(t.dueAt).toISOString(),
      kind: t.kind,
      matter_id: t.matterId ?? null,
      task_id: t.taskId ?? null,
      payload: toJson(t.payload ?? {}),
      state: 'pending',
      lease_until: null,
      attempts: 0,
      fired_at: null,
      fired_by: null,
      created_at: clock.now().toISOString(),
    })
    .execute();
  return id;
}

/** Cancel pending timers of a task (it was completed) or of a matter (kinds given). */
export async function cancelTimers(tx: Conn, where: { taskId?: string; matterId?: string; kinds?: string[] }): Promise<void> {
  let q = tx.updateTable('timers').set({ state: 'cancelled' }).where('state', '=', 'pending');
  if (where.taskId) q = q.where('task_id', '=', where.taskId);
  if (where.matterId) q = q.where('matter_id', '=', where.matterId);
  if (where.kinds?.length) q = q.where('kind', 'in', where.kinds);
  await q.execute();
}

/**
 * The timers of a matter of the given kinds, in the order they were scheduled (ids are
 * time-ordered): what was actually set, and whether it is pending, fired (when) or cancelled.
 */
export async function timersOfMatter(conn: Conn, matterId: string, kinds: string[]) {
  if (!kinds.length) return [];
  return conn
    .selectFrom('timers')
    .select(['id', 'kind', 'due_at', 'state', 'fired_at'])
    .where('matter_id', '=', matterId)
    .where('kind', 'in', kinds)
    .orderBy('id')
    .execute();
}

export interface TimerRunner {
  /** Fire every due timer now; returns how many fired. */
  runDue(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function createTimerRunner(
  deps: { db: Db; dialect: Dialect; clock: Clock },
  handlers: Record<string, TimerHandler>,
  opts: { workerId?: string; batch?: number; onError?: (err: unknown, timerId: string) => void } = {},
): TimerRunner {
  const workerId = opts.workerId ?? `worker-${process.pid}`;
  const batch = opts.batch ?? 20;
  let handle: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  /**
   * Claim and fire one batch. Each timer runs in its own transaction, so one failing handler
   * neither undoes the others nor blocks the queue: it is put back with a growing lease (1, 2, 4…
   * minutes, at most an hour) and its attempts counted, and the poller goes on with the rest.
   */
  async function fireBatch(): Promise<{ claimed: number; fired: number }> {
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const q = deps.db
      .selectFrom('timers')
      .select('id')
      .where('state', '=', 'pending')
      .where('due_at', '<=', nowIso)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', nowIso)]))
      .orderBy('due_at')
      .orderBy('id')
      .limit(batch);
    const candidates = await q.execute();
    let fired = 0;
    for (const { id } of candidates) {
      try {
        const ok = await runTx(deps.db, async (tx) => {
          let claim = tx.selectFrom('timers').selectAll().where('id', '=', id).where('state', '=', 'pending');
          if (deps.dialect === 'postgres') claim = claim.forUpdate().skipLocked();
          const t = await claim.executeTakeFirst();
          if (!t) return false; // another process holds it or fired it
          const handler = handlers[t.kind];
          if (handler) await handler(tx, { ...t, payloadObj: fromJson<Record<string, unknown>>(t.payload, {}) }, now);
          const res = await tx
            .updateTable('timers')
            .set({ state: 'fired', fired_at: nowIso, fired_by: workerId, attempts: t.attempts + 1 })
            .where('id', '=', t.id)
            .where('state', '=', 'pending')
            .executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1) throw new Error(`timer ${t.id} was fired twice`);
          return true;
        });
        if (ok) fired += 1;
      } catch (err) {
        opts.onError?.(err, id);
        const row = await deps.db.selectFrom('timers').select('attempts').where('id', '=', id).executeTakeFirst();
        const attempts = (row?.attempts ?? 0) + 1;
        const backoffMin = Math.min(60, 2 ** Math.min(attempts - 1, 6));
        await deps.db
          .updateTable('timers')
          .set({ attempts, lease_until: new Date(now.getTime() + backoffMin * 60_000).toISOString() })
          .where('id', '=', id)
          .where('state', '=', 'pending')
          .execute();
      }
    }
    return { claimed: candidates.length, fired };
  }

  async function runDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const { claimed, fired } = await fireBatch();
      total += fired;
      // A full batch may mean more are due. A batch with nothing fired (held by another process,
      // or failed and leased away) is left to the next poll rather than spun on.
      if (claimed < batch || fired === 0) return total;
    }
  }

  return {
    runDue,
    start(intervalMs = 5000) {
      if (handle) return;
      handle = setInterval(() => {
        if (running) return;
        running = runDue()
          .catch((err) => {
            opts.onError?.(err, '');
            return 0;
          })
          .finally(() => {
            running = null;
          });
      }, intervalMs);
      handle.unref();
    },
    async stop() {
      if (handle) clearInterval(handle);
      handle = null;
      if (running) await running;
    },
  };
}
