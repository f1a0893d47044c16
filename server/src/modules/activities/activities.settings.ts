/** The activity rules as data (ACT-2), edited by the system administrator; defaults until edited. */
import { ActivityRuleSettingsSchema, DEFAULT_ACTIVITY_RULES, type ActivityRuleSettings } from '@xietiao/domain';
import type { Conn } from '../../platform/db/database';
import { fromJson, toJson } from '../../platform/json';
import type { Clock } from '../../platform/clock';
import { appendAudit } from '../../platform/audit';
import { staleVersion } from '../../platform/errors';
import { runTx } from '../../platform/db/tx';

export const SETTINGS_KEY = 'activity.rules';

export async function loadRuleSettings(conn: Conn): Promise<{ value: ActivityRuleSettings; version: number; updatedAt: string | null }> {
  const row = await conn.selectFrom('settings').selectAll().where('key', '=', SETTINGS_KEY).executeTakeFirst();
  if (!row) return { value: DEFAULT_ACTIVITY_RULES, version: 0, updatedAt: null };
  const parsed = ActivityRuleSettingsSchema.safeParse(fromJson(row.value, {}));
  return { value: parsed.success ? (parsed.data as ActivityRuleSettings) : DEFAULT_ACTIVITY_RULES, version: row.version, updatedAt: row.updated_at };
}

/** Save edited rules: compare-and-set on the settings' version, audited with before and after. */
export async function saveRuleSettings(ctx: { db: Conn; clock: Clock }, by: string, version: number, value: ActivityRuleSettings): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await runTx(ctx.db, async (tx) => {
    const current = await loadRuleSettings(tx);
    if (current.version !== version) throw staleVersion('规则已被他人修改，请刷新后重试');
    if (current.version === 0) {
      await tx
        .insertInto('settings')
        .values({ key: SETTINGS_KEY, value: toJson(value), version: 1, updated_by: by, updated_at: now })
        .execute();
    } else {
      const res = await tx
        .updateTable('settings')
        .set({ value: toJson(value), version: current.version + 1, updated_by: by, updated_at: now })
        .where('key', '=', SETTINGS_KEY)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion('规则已被他人修改，请刷新后重试');
    }
    await appendAudit(tx, ctx.clock, {
      actorId: by,
      action: 'settings.activity_rules_changed',
      entityType: 'settings',
      entityId: SETTINGS_KEY,
      detail: { before: current.value, after: value },
    });
  });
}
