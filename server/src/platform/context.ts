import type { Database, Db, Dialect } from './db/database';
import type { Clock } from './clock';
import type { CalendarOverrides } from '@xietiao/domain';
import type { Conn } from './db/database';
import type { Actor } from './auth/actor';

/** A recorded absence, as other modules are told of it. */
export interface AbsenceEvent {
  id: string;
  userId: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  actor: Actor;
}

/**
 * Domain events one module raises and others react to, inside the raising transaction
 * (e.g. a new absence re-opens the activities its person was to attend, ACT-6).
 */
export interface AppHooks {
  /** each reaction may return notices: what it changed, told to the person who recorded the absence */
  absenceCreated: ((tx: Conn, e: AbsenceEvent) => Promise<string[]>)[];
}
export const noHooks = (): AppHooks => ({ absenceCreated: [] });

/** What services are built from. Services take only the parts they use (Pick<AppContext, …>). */
export interface AppContext {
  db: Db;
  dialect: Dialect;
  database: Database;
  clock: Clock;
  /** administrator overrides of the statutory calendar */
  calendar(): CalendarOverrides;
  hooks: AppHooks;
}
