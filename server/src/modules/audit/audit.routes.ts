import { api } from '@xietiao/domain';
import { detailIds, isId } from '@xietiao/domain/labels/index';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import { requireRole } from '../../platform/auth/actor';
import { verifyAudit } from '../../platform/audit';
import { createAuditRepo } from './audit.repo';

const tags = ['audit'];
const AUDITOR_ONLY = '只有安全审计员可以查看审计日志';

/** The audit trail is read by the audit administrator alone (三员分立). */
export function registerAuditRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        operationId: 'listAuditEvents',
        summary: '审计日志',
        description:
          '按操作人、操作代码（前缀，如 activity.；exact=1 时为一个代码）和事项筛选审计日志；每条记录附带其中的人员、部门、机关的名称。仅限安全审计员。',
        querystring: api.AuditQuery,
        response: { 200: api.pageOf(api.AuditEvent), 403: api.ErrorBody.describe('forbidden：只有安全审计员可以查看审计日志') },
      },
    },
    async (req) => {
      requireRole(actorOf(req), ['auditor'], AUDITOR_ONLY);
      const q = req.query;
      const repo = createAuditRepo(ctx.db);
      const { rows, total, totalCapped } = await repo.page(q, (q.page - 1) * q.pageSize, q.pageSize, api.countCap(q.page, q.pageSize));
      // The ids each row holds, resolved once for the page, so the viewer shows names, not ids.
      const idsOf = rows.map((r) => [...new Set([...(isId(r.entity_id) ? [r.entity_id] : []), ...detailIds(r.detail)])]);
      const names = await repo.names([...new Set(idsOf.flat())]);
      return {
        items: rows.map((r, i) => ({
          seq: Number(r.seq),
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          matterId: r.matter_id,
          fromState: r.from_state,
          toState: r.to_state,
          detail: r.detail,
          hash: r.hash,
          matterKind: r.matter_kind,
          names: Object.fromEntries(idsOf[i].filter((id) => names.has(id)).map((id) => [id, names.get(id)!])),
        })),
        total,
        totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
  app.post(
    '/api/v1/audit/verify',
    {
      schema: {
        tags,
        operationId: 'verifyAuditChain',
        summary: '校验审计链',
        description: '逐条校验审计日志的哈希链；有记录被改动、插入或删除时 ok 为 false，并指出第一条校验不通过的记录。仅限安全审计员。',
        response: { 200: api.AuditVerifyResult },
      },
    },
    async (req) => {
      requireRole(actorOf(req), ['auditor'], AUDITOR_ONLY);
      return verifyAudit(ctx.db);
    },
  );
}
