/**
 * Number series (K-5) — the kernel API: 发文字号, 收文编号, 督办编号, 纪要编号 per organ, class,
 * code (代字) and year, written by the series' template (`formatNumber`, domain/src/kernel/numbering.ts).
 *
 * `next` runs in the registering transaction: one `UPDATE number_series SET next_value =
 * next_value + 1 … RETURNING` (PostgreSQL holds the row lock to the commit, so concurrent
 * registrations queue; SQLite has one writer), then the assigned row (unique per series and
 * value). A registration that rolls back takes its UPDATE with it: the number is given to the
 * next one, so there are no gaps. A number once given is never given again; a wrong one is
 * voided on record (`void`: who, when, why), and stays in the register as voided.
 *
 * A year's first number creates that year's series from the previous year's (same code and
 * template, starting at 1) in the same transaction: insert … on conflict do nothing, then update.
 */
import { NUMBER_CLASS_LABELS, formatNumber, type NumberClass } from '@xietiao/domain';
import type { AppContext } from '../platform/context';
import type { Conn } from '../platform/db/database';
import { appendAudit } from '../platform/audit';
import { invalidState, notFound } from '../platform/errors';
import { newId } from '../platform/ids';
import { createNumbersRepo } from './numbers.repo';

export interface NextNumber {
  organId: string;
  class: NumberClass;
  /** the series' code (代字); may be left out when the organ has one active series of the class */
  code?: string;
  year: number;
  /** the matter the number is given to */
  matterId?: string | null;
  /** who registers; null for the system */
  by: string | null;
}

export interface AssignedNumberResult {
  /** the assigned number's id (to void it) */
  id: string;
  seriesId: string;
  code: string;
  value: number;
  /** the number as written, e.g. 某政办发〔2026〕7号 */
  text: string;
}

export function createNumbering(deps: Pick<AppContext, 'clock'>) {
  const { clock } = deps;

  /** Give the next number of the series; in the caller's transaction. */
  async function next(tx: Conn, n: NextNumber): Promise<AssignedNumberResult> {
    const repo = createNumbersRepo(tx);
    const label = NUMBER_CLASS_LABELS[n.class];
    const at = clock.now().toISOString();
    let row = await repo.increment(n);
    if (!row) {
      const existing = await repo.ofYear(n);
      if (!n.code && existing.filter((s) => s.active === 1).length > 1) {
        throw invalidState(
          `该机关${n.year}年的${label}有多个代字（${existing
            .filter((s) => s.active === 1)
            .map((s) => s.code)
            .join('、')}），请指定代字`,
        );
      }
      if (existing.length === 0) {
        // The year's first number: continue last year's series (same code and template) from 1.
        const prev = await repo.latestBefore(n);
        if (prev.length > 1) throw invalidState(`该机关的${label}有多个代字（${prev.map((s) => s.code).join('、')}），请指定代字`);
        if (prev.length === 1) {
          const p = prev[0];
          const id = newId();
          const inserted = await repo.insertSeries(
            {
              id,
              organ_id: p.organ_id,
              class: p.class,
              code: p.code,
              template: p.template,
              year: n.year,
              next_value: 1,
              active: 1,
              version: 1,
              created_at: at,
              updated_at: at,
            },
            { ignoreConflict: true },
          );
          if (inserted) {
            await appendAudit(tx, clock, {
              actorId: n.by,
              action: 'number_series.created',
              entityType: 'number_series',
              entityId: id,
              detail: { organId: p.organ_id, class: p.class, code: p.code, template: p.template, year: n.year, continuedFrom: p.year },
            });
          }
          row = await repo.increment({ ...n, code: p.code });
        }
      }
    }
    if (!row) {
      throw invalidState(`未找到可用的${label}规则（${n.year}年${n.code ? `，代字“${n.code}”` : ''}）：请系统管理员在“系统管理 → 编号规则”中设置或启用`);
    }
    const value = row.next_value - 1;
    const text = formatNumber(row.template, { code: row.code, year: row.year, value });
    const id = newId();
    await repo.insertAssigned({
      id,
      series_id: row.id,
      value,
      text,
      matter_id: n.matterId ?? null,
      assigned_at: at,
      assigned_by: n.by,
      voided_at: null,
      voided_by: null,
      void_reason: null,
    });
    await appendAudit(tx, clock, {
      actorId: n.by,
      action: 'number.assigned',
      entityType: 'number',
      entityId: id,
      matterId: n.matterId ?? null,
      detail: { seriesId: row.id, class: n.class, code: row.code, year: row.year, value, text },
    });
    return { id, seriesId: row.id, code: row.code, value, text };
  }

  /** Void a number on record (who, when, why). It stays in the register and is never given again. */
  async function voidNumber(tx: Conn, v: { numberId: string; by: string | null; reason: string }): Promise<void> {
    const repo = createNumbersRepo(tx);
    const at = clock.now().toISOString();
    if (!(await repo.voidNumber(v.numberId, v.by, v.reason, at))) {
      const row = await repo.assignedById(v.numberId);
      if (!row) throw notFound('编号');
      throw invalidState(`编号“${row.text}”已作废，不能重复作废`);
    }
    const row = (await repo.assignedById(v.numberId))!;
    await appendAudit(tx, clock, {
      actorId: v.by,
      action: 'number.voided',
      entityType: 'number',
      entityId: v.numberId,
      matterId: row.matter_id,
      detail: { seriesId: row.series_id, value: Number(row.value), text: row.text, reason: v.reason },
    });
  }

  return { next, void: voidNumber };
}
export type Numbering = ReturnType<typeof createNumbering>;
