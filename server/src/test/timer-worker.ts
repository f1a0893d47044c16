/**
 * A timer worker process for the multi-process test: opens the given database, waits for a
 * common start instant, then fires due timers until none are left. Timers of kind `test.ping`
 * write one notification each (unique per timer), so a double fire would fail loudly.
 */
import { openDatabase } from '../platform/db/database';
import { systemClock } from '../platform/clock';
import { createTimerRunner } from '../platform/timers';
import { notify } from '../modules/inbox/notify';

const url = process.env.WORKER_DB_URL!;
const schema = process.env.WORKER_DB_SCHEMA || undefined;
const workerId = process.env.WORKER_ID ?? `w${process.pid}`;
const startAt = Number(process.env.WORKER_START_AT ?? Date.now());
const userId = process.env.WORKER_USER_ID!;

const database = openDatabase({ url, schema, poolSize: 3 });
const runner = createTimerRunner(
  { db: database.db, dialect: database.dialect, clock: systemClock },
  {
    'test.ping': async (tx, timer) => {
      await notify(tx, systemClock, { userIds: [userId], kind: 'test', title: `ping ${timer.id}`, timerId: timer.id });
      await new Promise((r) => setTimeout(r, 5));
    },
  },
  { workerId, batch: 3 },
);

await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
let fired = 0;
for (let i = 0; i < 1000; i++) {
  const n = await runner.runDue();
  fired += n;
  const left = await database.db.selectFrom('timers').select('id').where('state', '=', 'pending').limit(1).executeTakeFirst();
  if (!left) break;
  await new Promise((r) => setTimeout(r, 5));
}
await database.close();
process.stdout.write(JSON.stringify({ workerId, fired }));
