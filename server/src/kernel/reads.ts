/**
 * The kernel's read API for modules: finding matters (under need-to-know, or by id for the
 * system), the lookups of people, departments and leaders, and the inbox's task queries. Modules
 * import these instead of the kernel's repositories, which also write (architecture rule K-2).
 */
import type { Actor } from '../platform/auth/actor';
import type { Conn } from '../platform/db/database';
import { createMattersRepo, type MatterRow } from './matters.repo';
import { createTasksRepo } from './tasks.repo';

export type { MatterRow };
export { createLookupsRepo } from './lookups';

/** The matter if the actor may see it; undefined otherwise (callers answer 404 either way). */
export function findVisibleMatter(conn: Conn, actor: Actor, id: string): Promise<MatterRow | undefined> {
  return createMattersRepo(conn).findVisible(actor, id);
}

/** The matter whatever its access list (the system's own steps: timers, module events). */
export function findMatter(conn: Conn, id: string): Promise<MatterRow | undefined> {
  return createMattersRepo(conn).findById(id);
}

/** The inbox's queries over tasks (待办, 已办, overdue counts), need-to-know included. */
export function taskQueries(conn: Conn) {
  const r = createTasksRepo(conn);
  return { todo: r.todo, done: r.done, overdueCount: r.overdueCount, openCounts: r.openCounts, byId: r.byId, chases: r.chases };
}
