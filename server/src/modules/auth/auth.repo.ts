/** The only SQL of the auth module: the signed-in user's profile and roles, credentials, password. */
import type { Conn } from '../../platform/db/database';

export function createAuthRepo(db: Conn) {
  return {
    /** The user with their department's name, or undefined. */
    profile(userId: string) {
      return db
        .selectFrom('users')
        .leftJoin('departments', 'departments.id', 'users.department_id')
        .select([
          'users.id',
          'users.username',
          'users.name',
          'users.title',
          'users.organ_id',
          'users.department_id',
          'users.must_change_password',
          'users.feed_token',
          'departments.name as department_name',
        ])
        .where('users.id', '=', userId)
        .executeTakeFirst();
    },

    async roles(userId: string) {
      const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
      return rows.map((r) => r.role);
    },

    credentialsByUsername(username: string) {
      return db.selectFrom('users').select(['id', 'password_hash', 'active']).where('username', '=', username).executeTakeFirst();
    },

    passwordHash(userId: string) {
      return db
        .selectFrom('users')
        .select(['password_hash'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
        .then((r) => r.password_hash);
    },

    async setPassword(userId: string, hash: string, at: string) {
      await db.updateTable('users').set({ password_hash: hash, must_change_password: 0, updated_at: at }).where('id', '=', userId).execute();
    },
  };
}
