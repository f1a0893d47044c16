import type { Database, Db, Dialect } from './db/database';
import type { Clock } from './clock';
import type { CalendarOverrides } from '@xietiao/domain';

/** What services are built from. Services take only the parts they use (Pick<AppContext, …>). */
export interface AppContext {
  db: Db;
  dialect: Dialect;
  database: Database;
  clock: Clock;
  /** administrator overrides of the statutory calendar */
  calendar(): CalendarOverrides;
}
