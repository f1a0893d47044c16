/**
 * A registering process for the K-5 multi-process test: opens the given database, waits for a
 * common start instant, then takes WORKER_COUNT numbers of one series, each in its own
 * transaction (`runTx` + the kernel's `numbers.next`), and prints the values it got as JSON.
 */
import { openDatabase } from '../platform/db/database';
import { systemClock } from '../platform/clock';
import { runTx } from '../platform/db/tx';
import { createNumbering } from '../kernel/numbers';

const database = openDatabase({ url: process.env.WORKER_DB_URL!, schema: process.env.WORKER_DB_SCHEMA || undefined, poolSize: 3 });
const numbering = createNumbering({ clock: systemClock });
const count = Number(process.env.WORKER_COUNT ?? 50);
const key = JSON.parse(process.env.WORKER_SERIES!) as { organId: string; code: string; year: number; by: string };
const startAt = Number(process.env.WORKER_START_AT ?? Date.now());

await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const values = await Promise.all(
  Array.from({ length: count }, () =>
    runTx(database.db, async (tx) => (await numbering.next(tx, { organId: key.organId, class: 'outgoing', code: key.code, year: key.year, by: key.by })).value),
  ),
);
await database.close();
process.stdout.write(JSON.stringify({ values }));
