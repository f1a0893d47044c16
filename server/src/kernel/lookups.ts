/**
 * Read-only lookups the kernel and the areas use to validate and name what a request refers to
 * (people, departments, leaders). The only SQL for these questions; writes stay in org's repo.
 */
import type { Conn } from '../platform/db/database';

export function createLookupsRepo(db: Conn) {
  return {
    async activeDepartment(id: string): Promise<boolean> {
      return !!(await db.selectFrom('departments').select('id').where('id', '=', id).where('active', '=', 1).executeTakeFirst());
    },
    /** An active leader of this organ (has a row in `leaders`). */
    async activeLeader(id: string): Promise<boolean> {
      return !!(await db
        .selectFrom('leaders')
        .innerJoin('users', 'users.id', 'leaders.user_id')
        .select('users.id')
        .where('users.id', '=', id)
        .where('users.active', '=', 1)
        .executeTakeFirst());
    },
    /** The office's department: where requests land (the department of the active office director). */
    async officeDepartmentId(): Promise<string | null> {
      const row = await db
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('users.department_id')
        .where('user_roles.role', '=', 'office_director')
        .where('users.active', '=', 1)
        .where('users.department_id', 'is not', null)
        .executeTakeFirst();
      return row?.department_id ?? null;
    },
    /** Active leaders in charge of (分管) a department. */
    async leadersInCharge(departmentId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('leader_charges')
        .innerJoin('users', 'users.id', 'leader_charges.leader_id')
        .select('leader_charges.leader_id')
        .where('leader_charges.department_id', '=', departmentId)
        .where('users.active', '=', 1)
        .execute();
      return [...new Set(rows.map((r) => r.leader_id))];
    },
    /** The active principal first-line leader(s) (主要领导). */
    async principalLeaders(): Promise<string[]> {
      const rows = await db
        .selectFrom('leaders')
        .innerJoin('users', 'users.id', 'leaders.user_id')
        .select('leaders.user_id')
        .where('leaders.principal', '=', 1)
        .where('leaders.line', '=', 'first')
        .where('users.active', '=', 1)
        .execute();
      return rows.map((r) => r.user_id);
    },
    async leader(id: string) {
      return db.selectFrom('leaders').selectAll().where('user_id', '=', id).executeTakeFirst();
    },
    async userName(id: string): Promise<string | null> {
      return (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
    },
    async departmentName(id: string): Promise<string | null> {
      return (await db.selectFrom('departments').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
    },
    async userNames(ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      return new Map(
        (
          await db
            .selectFrom('users')
            .select(['id', 'name'])
            .where('id', 'in', [...new Set(ids)])
            .execute()
        ).map((u) => [u.id, u.name]),
      );
    },
    async departmentNames(ids: string[]): Promise<Map<string, string>> {
      if (!ids.length) return new Map();
      return new Map(
        (
          await db
            .selectFrom('departments')
            .select(['id', 'name'])
            .where('id', 'in', [...new Set(ids)])
            .execute()
        ).map((d) => [d.id, d.name]),
      );
    },
    async feedToken(userId: string): Promise<string> {
      return (await db.selectFrom('users').select('feed_token').where('id', '=', userId).executeTakeFirstOrThrow()).feed_token;
    },
    /** The active user a calendar-feed token belongs to. */
    async userByFeedToken(token: string): Promise<string | null> {
      return (await db.selectFrom('users').select('id').where('feed_token', '=', token).where('active', '=', 1).executeTakeFirst())?.id ?? null;
    },
  };
}
