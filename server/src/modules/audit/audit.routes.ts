import { api } from '@xietiao/domain';
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
    { schema: { tags, summary: '审计日志', querystring: api.AuditQuery, response: { 200: api.pageOf(api.AuditEvent) } } },
    async (req) => {
      requireRole(actorOf(req), ['auditor'], AUDITOR_ONLY);
      const q = req.query;
      const { rows, total, totalCapped } = await createAuditRepo(ctx.db).page(q, (q.page - 1) * q.pageSize, q.pageSize, api.countCap(q.page, q.pageSize));
      return {
        items: rows.map((r) => ({
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
        })),
        total,
        totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
  app.post('/api/v1/audit/verify', { schema: { tags, summary: '校验审计链', response: { 200: api.AuditVerifyResult } } }, async (req) => {
    requireRole(actorOf(req), ['auditor'], AUDITOR_ONLY);
    return verifyAudit(ctx.db);
  });
}
