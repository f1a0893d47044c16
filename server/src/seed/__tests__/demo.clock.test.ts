/**
 * The whole demo (organisation, matters, activities) is history as of the moment it is loaded:
 * nothing in it — notifications, audit rows, tasks, matters — is stamped after that moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { testDialects } from '../../test/db';
import { seedDemo } from '../demo';
import { seedDemoMatters } from '../demo-matters';
import { seedDemoActivities } from '../demo-activities';

describe.each(testDialects())('the demo and the clock [%s]', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false });
    const ctx = { db: t.ctx.db, clock: t.clock, calendar: () => new Map() };
    await seedDemo(ctx);
    await seedDemoMatters(ctx);
    await seedDemoActivities(ctx);
  });
  afterAll(async () => t?.close());

  it('ACT-1 X-1 nothing in the demo is stamped in the future (notifications, audit, tasks, matters, 待阅)', async () => {
    const now = t.clock.now().toISOString();
    const db = t.ctx.db;
    const later = {
      notifications: await db.selectFrom('notifications').select(['title', 'created_at']).where('created_at', '>', now).execute(),
      audit: await db.selectFrom('audit_events').select(['action', 'at']).where('at', '>', now).execute(),
      tasks: await db.selectFrom('tasks').select(['title', 'created_at']).where('created_at', '>', now).execute(),
      tasksDone: await db.selectFrom('tasks').select(['title', 'completed_at']).where('completed_at', '>', now).execute(),
      matters: await db.selectFrom('matters').select(['title', 'updated_at']).where('updated_at', '>', now).execute(),
      toRead: await db.selectFrom('read_items').select(['matter_id', 'created_at']).where('created_at', '>', now).execute(),
    };
    expect(later).toEqual({ notifications: [], audit: [], tasks: [], tasksDone: [], matters: [], toRead: [] });
    expect((await db.selectFrom('notifications').select('id').execute()).length).toBeGreaterThan(0);
  });
});
