/**
 * A child process for the ICS time-zone test (ACT-8, X-7): opens the test database, builds the app
 * with a fixed clock and prints the bodies of the given feed addresses. The test runs it under
 * several TZ values — a process's time zone is fixed when it starts, so only a fresh process shows
 * whether the server's own time zone leaks into the feed.
 */
import { buildApp } from '../../../app';
import { ManualClock } from '../../../platform/clock';
import { openDatabase } from '../../../platform/db/database';

const now = process.env.WORKER_NOW!;
const urls = JSON.parse(process.env.WORKER_FEEDS!) as string[];
const database = openDatabase({ url: process.env.WORKER_DB_URL!, schema: process.env.WORKER_DB_SCHEMA || undefined, poolSize: 2 });
const { app } = await buildApp({ database, clock: new ManualClock(now), webDist: null });
const bodies: string[] = [];
for (const url of urls) {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  bodies.push(res.body);
}
await app.close();
await database.close();
// what the process's clock really is, so the test knows the TZ took effect
process.stdout.write(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(now).getTimezoneOffset(), bodies }));
