/** Each person's inbox: 待办, 已办, 待阅, notifications and their counts. */
import { api, chinaDate } from '@xietiao/domain';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/errors';
import { taskQueries } from '../../kernel/reads';
import { presentTask } from '../../kernel/matters.presenter';
import { createInboxRepo } from './inbox.repo';

export function createInboxService(deps: Pick<AppContext, 'db' | 'clock' | 'calendar'>) {
  const { db, clock } = deps;
  const tasks = taskQueries(db);
  const repo = createInboxRepo(db);

  async function todo(actor: Actor, page: number, pageSize: number) {
    const { rows, total } = await tasks.todo(actor, page, pageSize);
    return { items: rows.map((t) => presentTask(t, clock, [], deps.calendar())), total, page, pageSize };
  }
  async function done(actor: Actor, page: number, pageSize: number) {
    const { rows, total, totalCapped } = await tasks.done(actor, page, pageSize);
    return { items: rows.map((t) => presentTask(t, clock, [], deps.calendar())), total, totalCapped, page, pageSize };
  }
  /** 待阅: the unread first, then the read ones, newest first in each; a page reads only its rows. */
  async function toRead(actor: Actor, page: number, pageSize: number) {
    // the unread are open work, counted exactly; the read ones are closed work, never counted:
    // the page reads one row past itself to know whether more follow (shown as "N+")
    const unread = await repo.unreadToReadCount(actor);
    const from = (page - 1) * pageSize;
    const rows = from < unread ? await repo.toReadSlice(actor, true, from, pageSize) : [];
    const readFrom = Math.max(0, from - unread);
    const want = pageSize - rows.length;
    const reads = await repo.toReadSlice(actor, false, readFrom, want + 1);
    const more = reads.length > want;
    const readOnPage = Math.min(reads.length, want);
    rows.push(...reads.slice(0, want));
    // a page past the end: how many read ones there are before it (bounded by the page's own offset)
    const readBefore = reads.length === 0 && readFrom > 0 ? await repo.readToReadUpTo(actor, readFrom) : readFrom;
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
      total: unread + readBefore + readOnPage + (more ? 1 : 0),
      totalCapped: more,
      page,
      pageSize,
    };
  }
  async function markRead(actor: Actor, id: string) {
    if (await repo.markToRead(actor.id, id, clock.now().toISOString())) return;
    if (!(await repo.toReadExists(actor.id, id))) throw notFound('待阅事项');
  }
  /** The badge counts: open work only (open tasks, unread 待阅 and notifications), never the history. */
  async function counts(actor: Actor) {
    const { todo: todoCount, overdue } = await tasks.openCounts(actor, chinaDate(clock.now()));
    const c = await repo.unreadCounts(actor);
    return { todo: todoCount, overdue, toRead: c.toRead, unreadNotifications: c.unread };
  }
  async function notifications(actor: Actor, page: number, pageSize: number) {
    const { rows, total, totalCapped } = await repo.notificationsPage(actor.id, (page - 1) * pageSize, pageSize, api.countCap(page, pageSize));
    return {
      items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, matterId: n.matter_id, readAt: n.read_at, createdAt: n.created_at })),
      total,
      totalCapped,
      page,
      pageSize,
    };
  }
  async function readNotification(actor: Actor, id: string) {
    if (!(await repo.notificationExists(actor.id, id))) throw notFound('通知');
    await repo.markNotificationRead(actor.id, id, clock.now().toISOString());
  }
  async function readAll(actor: Actor) {
    await repo.markAllNotificationsRead(actor.id, clock.now().toISOString());
  }
  return { todo, done, toRead, markRead, counts, notifications, readNotification, readAll };
}
