/** The only SQL of the schedule module: which of some matters a viewer may see (need-to-know). */
import type { Actor } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import { whereVisible } from '../../kernel/matters.access';

export function createScheduleRepo(db: Conn) {
  return {
    async visibleMatterIds(viewer: Actor, ids: string[]): Promise<Set<string>> {
      if (!ids.length) return new Set();
      const rows = await db.selectFrom('matters').select('matters.id').where('matters.id', 'in', ids).where(whereVisible(viewer)).execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}
