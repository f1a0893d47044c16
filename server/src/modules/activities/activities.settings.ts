/** The activity rules as data (ACT-2), edited by the system administrator; defaults until edited. */
import { ActivityRuleSettingsSchema, DEFAULT_ACTIVITY_RULES, type ActivityRuleSettings } from '@xietiao/domain';
import type { Conn } from '../../platform/db/database';
import { fromJson, toJson } from '../../platform/json';
import type { Clock } from '../../platform/clock';
import { appendAudit } from '../../platform/audit';
import { staleVersion } from '../../platform/errors';
import { runTx } from '../../platform/db/tx';
import { readSetting, writeSetting } from '../../platform/settings';

export const SETTINGS_KEY = 'activity.rules';

export async function loadRuleSettings(conn: Conn): Promise<{ value: ActivityRuleSettings; version: number; updatedAt: string | null }> {
  const row = await readSetting(conn, SETTINGS_KEY);
  if (!row) return { value: DEFAULT_ACTIVITY_RULES, version: 0, updatedAt: null };
  const parsed = ActivityRuleSettingsSchema.safeParse(fromJson(row.value, {}));
  return { value: parsed.success ? (parsed.data as ActivityRuleSettings) : DEFAULT_ACTIVITY_RULES, version: row.version, updatedAt: row.updatedAt };
}

/** Save edited rules: compare-and-set on the settings' version, audited with before and after. */
export async function saveRuleSettings(ctx: { db: Conn; clock: Clock }, by: string, version: number, value: ActivityRuleSettings): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await runTx(ctx.db, async (tx) => {
    const current = await loadRuleSettings(tx);
    if (current.version !== version) throw staleVersion('规则已被他人修改，请刷新后重试');
    if (!(await writeSetting(tx, SETTINGS_KEY, current.version, toJson(value), by, now))) throw staleVersion('规则已被他人修改，请刷新后重试');
    await appendAudit(tx, ctx.clock, {
      actorId: by,
      action: 'settings.activity_rules_changed',
      entityType: 'settings',
      entityId: SETTINGS_KEY,
      detail: { before: current.value, after: value },
    });
  });
}
