import { z } from 'zod';
import { Id, Timestamp } from './common';
export const AuditEvent = z
  .object({
    seq: z.number(),
    id: z.string(),
    at: Timestamp,
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    matterId: z.string().nullable(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    detail: z.string().nullable(),
    hash: z.string(),
    /** the kind of the row's matter (its states and events are that kind's), when it has one */
    matterKind: z.string().nullable().optional(),
    /** names of the people, departments and organs whose ids the row holds (entity, detail) */
    names: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'AuditEvent', title: '审计记录', description: '审计日志的一条记录：谁、何时、做了什么、状态变化，以及链式校验用的 hash' });
export const AuditQuery = z.object({
  actorId: Id.optional(),
  /** an action code's prefix (`activity.` for all of an area's), or with `exact=1` one code */
  action: z.string().max(60).optional(),
  exact: z.enum(['0', '1']).optional(),
  matterId: Id.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditVerifyResult = z
  .object({ ok: z.boolean(), checked: z.number().int(), firstBrokenSeq: z.number().nullable(), reason: z.string().nullable() })
  .meta({ id: 'AuditVerifyResult', title: '审计链校验结果', description: 'ok 为 false 时，firstBrokenSeq 是第一条校验不通过的记录' });
