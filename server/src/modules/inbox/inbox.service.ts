/** Each person's inbox: 待办, 已办, 待阅, notifications and their counts. */
import { chinaDate } from '@xietiao/domain';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/errors';
import { taskQueries } from '../../kernel/reads';
import { presentTask } from '../../kernel/matters.presenter';
import { whereVisible } from '../../kernel/matters.access';

export function createInboxService(deps: Pick<AppContext, 'db' | 'clock' | 'calendar'>) {
  const { db, clock } = deps;
  const tasks = taskQueries(db);

  async function todo(actor: Actor, page: number, pageSize: number) {
    const { rows, total } = await tasks.todo(actor, page, pageSize);
    return { items: rows.map((t) => presentTask(t, clock, [], deps.calendar())), total, page, pageSize };
  }
  async function done(actor: Actor, page: number, pageSize: number) {
    const { rows, total } = await tasks.done(actor, page, pageSize);
    return { items: rows.map((t) => presentTask(t, clock, [], deps.calendar())), total, page, pageSize };
  }
  /** 待阅: the unread first, then the read ones, newest first in each; a page reads only its rows. */
  async function toRead(actor: Actor, page: number, pageSize: number) {
    const mine = (unread: boolean) =>
      db
        .selectFrom('read_items')
        .where('read_items.user_id', '=', actor.id)
        .where('read_items.read_at', unread ? 'is' : 'is not', null)
        .where(whereVisible(actor, 'read_items.matter_id', { perRow: true }));
    const count = (unread: boolean) => mine(unread).select((eb) => eb.fn.countAll<number>().as('n'));
    const c = await db.selectNoFrom([count(true).as('unread'), count(false).as('read')]).executeTakeFirstOrThrow();
    const unreadTotal = Number(c.unread ?? 0);
    const slice = (unread: boolean, offset: number, limit: number) =>
      mine(unread)
        .innerJoin('matters', 'matters.id', 'read_items.matter_id')
        .innerJoin('users', 'users.id', 'read_items.created_by')
        .selectAll('read_items')
        .select(['matters.title as matter_title', 'matters.kind as matter_kind', 'users.name as from_name'])
        .orderBy('read_items.created_at', 'desc')
        .orderBy('read_items.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
    const from = (page - 1) * pageSize;
    const rows = from < unreadTotal ? await slice(true, from, pageSize) : [];
    if (rows.length < pageSize) rows.push(...(await slice(false, Math.max(0, from - unreadTotal), pageSize - rows.length)));
    return {
      items: rows.map((r) => ({
        id: r.id,
        matterId: r.matter_id,
        matterTitle: r.matter_title,
        matterKind: r.matter_kind,
        note: r.note,
        fromName: r.from_name,
        createdAt: r.created_at,
        readAt: r.read_at,
      })),
      total: unreadTotal + Number(c.read ?? 0),
      page,
      pageSize,
    };
  }
  async function markRead(actor: Actor, id: string) {
    const res = await db
      .updateTable('read_items')
      .set({ read_at: clock.now().toISOString() })
      .where('id', '=', id)
      .where('user_id', '=', actor.id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const exists = await db.selectFrom('read_items').select('id').where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
      if (!exists) throw notFound('待阅事项');
    }
  }
  /** The badge counts: open work only (open tasks, unread 待阅 and notifications), never the history. */
  async function counts(actor: Actor) {
    const { todo: todoCount, overdue } = await tasks.openCounts(actor, chinaDate(clock.now()));
    const toRead = db
      .selectFrom('read_items')
      .where('user_id', '=', actor.id)
      .where('read_at', 'is', null)
      .where(whereVisible(actor, 'read_items.matter_id', { perRow: true }))
      .select((eb) => eb.fn.countAll<number>().as('n'));
    const unread = db
      .selectFrom('notifications')
      .where('user_id', '=', actor.id)
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'));
    const c = await db.selectNoFrom([toRead.as('toRead'), unread.as('unread')]).executeTakeFirstOrThrow();
    return { todo: todoCount, overdue, toRead: Number(c.toRead ?? 0), unreadNotifications: Number(c.unread ?? 0) };
  }
  async function notifications(actor: Actor, page: number, pageSize: number) {
    const base = db.selectFrom('notifications').where('user_id', '=', actor.id);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, matterId: n.matter_id, readAt: n.read_at, createdAt: n.created_at })),
      total: Number(total.n),
      page,
      pageSize,
    };
  }
  async function readNotification(actor: Actor, id: string) {
    const n = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', actor.id).executeTakeFirst();
    if (!n) throw notFound('通知');
    await db.updateTable('notifications').set({ read_at: clock.now().toISOString() }).where('id', '=', id).where('read_at', 'is', null).execute();
  }
  async function readAll(actor: Actor) {
    await db.updateTable('notifications').set({ read_at: clock.now().toISOString() }).where('user_id', '=', actor.id).where('read_at', 'is', null).execute();
  }
  return { todo, done, toRead, markRead, counts, notifications, readNotification, readAll };
}
