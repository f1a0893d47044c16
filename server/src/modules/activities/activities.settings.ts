/** The activity rules as data (ACT-2), edited by the system administrator; defaults until edited. */
import { ActivityRuleSettingsSchema, DEFAULT_ACTIVITY_RULES, type ActivityRuleSettings } from '@xietiao/domain';
import type { Conn } from '../../platform/db/database';
import { fromJson } from '../../platform/json';

export const SETTINGS_KEY = 'activity.rules';

export async function loadRuleSettings(conn: Conn): Promise<{ value: ActivityRuleSettings; version: number; updatedAt: string | null }> {
  const row = await conn.selectFrom('settings').selectAll().where('key', '=', SETTINGS_KEY).executeTakeFirst();
  if (!row) return { value: DEFAULT_ACTIVITY_RULES, version: 0, updatedAt: null };
  const parsed = ActivityRuleSettingsSchema.safeParse(fromJson(row.value, {}));
  return { value: parsed.success ? (parsed.data as ActivityRuleSettings) : DEFAULT_ACTIVITY_RULES, version: row.version, updatedAt: row.updated_at };
}
