/**
 * Administration of number series (K-5, 系统管理 → 编号规则): the system administrator keeps the
 * series (organ, class, code, template, year, start value); the office and the administrator
 * read them and the register of numbers given out, and void a wrong number with its reason.
 * Every write is audited in the same transaction. Numbers themselves are given only by the
 * areas' registering commands, through the kernel API (`createNumbering(…).next`).
 */
import type { z } from 'zod';
import { NUMBER_CLASS_LABELS, OFFICE_ROLES, codeProblems, formatNumber, templateProblems, type NumberClass, type Role, type api } from '@xietiao/domain';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { appendAudit } from '../platform/audit';
import { runTx } from '../platform/db/tx';
import { badRequest, duplicate, forbidden, invalidState, notFound, staleVersion } from '../platform/errors';
import { newId } from '../platform/ids';
import { createNumbersRepo } from './numbers.repo';
import { createNumbering } from './numbers';

/** Who may do what with number series, as one table. */
export const NUMBER_POLICY = {
  'series.read': { roles: ['sysadmin', ...OFFICE_ROLES] as readonly Role[], refusal: '只有系统管理员或办公室人员可以查看编号规则和编号登记' },
  'series.write': { roles: ['sysadmin'] as readonly Role[], refusal: '只有系统管理员可以新增或修改编号规则' },
  'number.void': { roles: ['sysadmin', ...OFFICE_ROLES] as readonly Role[], refusal: '只有办公室人员或系统管理员可以作废编号' },
} as const;
export type NumberAction = keyof typeof NUMBER_POLICY;

export function mayNumbers(actor: Actor, action: NumberAction): boolean {
  return actor.roles.some((r) => NUMBER_POLICY[action].roles.includes(r));
}
function authorize(actor: Actor, action: NumberAction): void {
  if (!mayNumbers(actor, action)) throw forbidden(NUMBER_POLICY[action].refusal);
}

type SeriesRow = Awaited<ReturnType<ReturnType<typeof createNumbersRepo>['listSeries']>>[number];

function presentSeries(r: SeriesRow): z.infer<typeof api.NumberSeries> {
  const nextValue = Number(r.next_value);
  return {
    id: r.id,
    organId: r.organ_id,
    organName: r.organ_name,
    class: r.class,
    classLabel: NUMBER_CLASS_LABELS[r.class],
    code: r.code,
    template: r.template,
    year: Number(r.year),
    nextValue,
    nextText: formatNumber(r.template, { code: r.code, year: Number(r.year), value: nextValue }),
    active: r.active === 1,
    version: r.version,
    assignedCount: Number(r.assigned_count ?? 0),
    voidedCount: Number(r.voided_count ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function createNumberSeriesService(deps: Pick<AppContext, 'db' | 'clock'>) {
  const { db, clock } = deps;
  const numbering = createNumbering(deps);
  const now = () => clock.now().toISOString();

  async function list(actor: Actor, q: z.infer<typeof api.NumberSeriesQuery>) {
    authorize(actor, 'series.read');
    return (await createNumbersRepo(db).listSeries(q)).map(presentSeries);
  }

  async function one(id: string, conn = db) {
    const [r] = await createNumbersRepo(conn).listSeries({ id });
    if (!r) throw notFound('编号规则');
    return presentSeries(r);
  }

  async function create(actor: Actor, body: z.infer<typeof api.CreateNumberSeriesBody>) {
    authorize(actor, 'series.write');
    return runTx(db, async (tx) => {
      const repo = createNumbersRepo(tx);
      if (!(await repo.organIsActive(body.organId))) throw badRequest('机关不存在或已停用', 'body.organId');
      const code = body.code.trim();
      if (await repo.findByKey({ organId: body.organId, class: body.class, code, year: body.year })) {
        throw duplicate(`该机关${body.year}年已有代字为“${code}”的${NUMBER_CLASS_LABELS[body.class]}编号规则`, 'body.code');
      }
      const id = newId();
      const at = now();
      await repo.insertSeries({
        id,
        organ_id: body.organId,
        class: body.class,
        code,
        template: body.template,
        year: body.year,
        next_value: body.nextValue,
        active: body.active ? 1 : 0,
        version: 1,
        created_at: at,
        updated_at: at,
      });
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'number_series.created',
        entityType: 'number_series',
        entityId: id,
        detail: { organId: body.organId, class: body.class, code, template: body.template, year: body.year, nextValue: body.nextValue, active: body.active },
      });
      return one(id, tx);
    });
  }

  async function update(actor: Actor, id: string, body: z.infer<typeof api.PatchNumberSeriesBody>) {
    authorize(actor, 'series.write');
    return runTx(db, async (tx) => {
      const repo = createNumbersRepo(tx);
      const s = await repo.seriesById(id);
      if (!s) throw notFound('编号规则');
      const cls = s.class as NumberClass;
      const code = body.code?.trim() ?? s.code;
      const template = body.template ?? s.template;
      if (body.code !== undefined) {
        const p = codeProblems(code, cls);
        if (p.length) throw badRequest(p[0], 'body.code');
      }
      if (body.template !== undefined || body.code !== undefined) {
        const p = templateProblems(template, { numberClass: cls, code, year: Number(s.year) });
        if (p.length) throw badRequest(p[0], body.template !== undefined ? 'body.template' : 'body.code');
      }
      if (body.nextValue !== undefined && body.nextValue !== Number(s.next_value) && (await repo.assignedCount(id)) > 0) {
        throw invalidState('该编号规则已经给出过编号，起始号不能再改：编号不得重复，也不得留空号');
      }
      if (code !== s.code && (await repo.findByKey({ organId: s.organ_id, class: cls, code, year: Number(s.year) }))) {
        throw duplicate(`该机关${s.year}年已有代字为“${code}”的${NUMBER_CLASS_LABELS[cls]}编号规则`, 'body.code');
      }
      const patch = {
        code: body.code !== undefined ? code : undefined,
        template: body.template,
        next_value: body.nextValue,
        active: body.active === undefined ? undefined : ((body.active ? 1 : 0) as 0 | 1),
      };
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const current: Record<string, unknown> = { code: s.code, template: s.template, next_value: Number(s.next_value), active: s.active };
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || current[k] === v) continue;
        before[k] = current[k];
        after[k] = v;
      }
      if (!(await repo.updateSeries(id, body.version, patch, now()))) throw staleVersion('该编号规则已被他人修改，请刷新后重试');
      if (Object.keys(after).length) {
        await appendAudit(tx, clock, {
          actorId: actor.id,
          action: 'number_series.updated',
          entityType: 'number_series',
          entityId: id,
          detail: { before, after },
        });
      }
      return one(id, tx);
    });
  }

  async function numbers(actor: Actor, seriesId: string, q: z.infer<typeof api.AssignedNumbersQuery>, opts: { id?: string } = {}) {
    authorize(actor, 'series.read');
    const repo = createNumbersRepo(db);
    if (!(await repo.seriesById(seriesId))) throw notFound('编号规则');
    const { rows, total } = await repo.listAssigned(seriesId, {
      page: q.page,
      pageSize: q.pageSize,
      voided: q.voided === undefined ? undefined : q.voided === '1',
      id: opts.id,
    });
    const titles = await repo.visibleMatterTitles(actor, [...new Set(rows.map((r) => r.matter_id).filter((m): m is string => !!m))]);
    const items: z.infer<typeof api.AssignedNumber>[] = rows.map((r) => ({
      id: r.id,
      seriesId: r.series_id,
      value: Number(r.value),
      text: r.text,
      matterId: r.matter_id,
      matterTitle: r.matter_id ? (titles.get(r.matter_id) ?? null) : null,
      assignedAt: r.assigned_at,
      assignedById: r.assigned_by,
      assignedByName: r.assigned_by_name,
      voidedAt: r.voided_at,
      voidedByName: r.voided_by_name,
      voidReason: r.void_reason,
    }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async function voidNumber(actor: Actor, numberId: string, body: z.infer<typeof api.VoidNumberBody>) {
    authorize(actor, 'number.void');
    const seriesId = await runTx(db, async (tx) => {
      const row = await createNumbersRepo(tx).assignedById(numberId);
      if (!row) throw notFound('编号');
      await numbering.void(tx, { numberId, by: actor.id, reason: body.reason });
      return row.series_id;
    });
    return (await numbers(actor, seriesId, { page: 1, pageSize: 1 }, { id: numberId })).items[0];
  }

  return {
    list,
    get: (actor: Actor, id: string) => {
      authorize(actor, 'series.read');
      return one(id);
    },
    create,
    update,
    numbers,
    void: voidNumber,
  };
}
export type NumberSeriesService = ReturnType<typeof createNumberSeriesService>;
