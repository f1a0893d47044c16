/**
 * HTTP routes of the organisation module (docs/api.md, “Organisation”). HTTP only: the zod
 * schema in, one service call, the presenter's shape out. Every route needs a logged-in user;
 * the service applies the policy table (org.policy.ts) to writes.
 */
import { z } from 'zod';
import { api, ROLES } from '@xietiao/domain';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import type { Container } from '../../container';

const tags = ['org'];
const errors = { 400: api.ErrorBody, 401: api.ErrorBody, 403: api.ErrorBody, 404: api.ErrorBody, 409: api.ErrorBody, 422: api.ErrorBody };
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const Flag = z.enum(['0', '1', 'true', 'false']).optional();
const isOn = (v: string | undefined) => v === '1' || v === 'true';
const VersionBody = z.object({ version: api.Version });
const RelationParams = z.object({ id: api.Id, otherId: api.Id });
/** A real calendar date, or an instant with its offset (a local time is ambiguous). */
const DateOrInstant = z
  .string()
  .max(40)
  .refine(
    (v) => api.IsoDate.safeParse(v).success || api.IsoDateTime.safeParse(v).success,
    '应为日期 YYYY-MM-DD 或带时区的 ISO-8601 时间，如 2026-10-09T09:00:00+08:00',
  );

export function registerOrgRoutes(app: ZodApp, _ctx: AppContext, { org }: Container): void {
  // ── organs (ORG-1) ──
  app.get(
    '/api/v1/organs',
    {
      schema: { tags, summary: '机关列表', querystring: z.object({ includeInactive: Flag }), response: { 200: items(api.Organ), ...errors } },
    },
    async (req) => {
      actorOf(req);
      return { items: await org.organs.list({ includeInactive: isOn(req.query.includeInactive) }) };
    },
  );
  app.post(
    '/api/v1/organs',
    {
      schema: { tags, summary: '新增机关', body: api.OrganInput, response: { 200: api.Organ, ...errors } },
    },
    async (req) => org.organs.create(actorOf(req), req.body),
  );
  app.patch(
    '/api/v1/organs/:id',
    {
      schema: { tags, summary: '修改机关', params: api.IdParams, body: api.OrganPatch, response: { 200: api.Organ, ...errors } },
    },
    async (req) => org.organs.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/organs/:id/deactivate',
    {
      schema: { tags, summary: '停用机关', params: api.IdParams, body: VersionBody, response: { 200: api.Organ, ...errors } },
    },
    async (req) => org.organs.deactivate(actorOf(req), req.params.id, req.body.version),
  );
  app.get(
    '/api/v1/organs/:id/relation/:otherId',
    {
      schema: { tags, summary: '两机关的关系（上级/下级/平级/不相隶属）', params: RelationParams, response: { 200: api.OrganRelation, ...errors } },
    },
    async (req) => {
      actorOf(req);
      return org.organs.relation(req.params.id, req.params.otherId);
    },
  );

  // ── departments (ORG-2) ──
  app.get(
    '/api/v1/departments',
    {
      schema: { tags, summary: '部门列表（含职责）', querystring: z.object({ includeInactive: Flag }), response: { 200: items(api.Department), ...errors } },
    },
    async (req) => {
      actorOf(req);
      return { items: await org.departments.list({ includeInactive: isOn(req.query.includeInactive) }) };
    },
  );
  app.post(
    '/api/v1/departments',
    {
      schema: { tags, summary: '新增部门', body: api.DepartmentInput, response: { 200: api.Department, ...errors } },
    },
    async (req) => org.departments.create(actorOf(req), req.body),
  );
  app.patch(
    '/api/v1/departments/:id',
    {
      schema: { tags, summary: '修改部门及其职责', params: api.IdParams, body: api.DepartmentPatch, response: { 200: api.Department, ...errors } },
    },
    async (req) => org.departments.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/departments/:id/deactivate',
    {
      schema: { tags, summary: '停用部门', params: api.IdParams, body: VersionBody, response: { 200: api.Department, ...errors } },
    },
    async (req) => org.departments.deactivate(actorOf(req), req.params.id, req.body.version),
  );

  // ── people and leaders (ORG-3) ──
  app.get(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: '人员列表',
        querystring: z.object({
          q: z.string().trim().max(50).optional(),
          departmentId: api.Id.optional(),
          role: z.enum(ROLES).optional(),
          includeInactive: Flag,
        }),
        response: { 200: items(api.Person), ...errors },
      },
    },
    async (req) => {
      actorOf(req);
      const { q, departmentId, role, includeInactive } = req.query;
      return { items: await org.people.list({ q: q || undefined, departmentId, role, includeInactive: isOn(includeInactive) }) };
    },
  );
  app.get(
    '/api/v1/people/:id',
    {
      schema: { tags, summary: '人员详情', params: api.IdParams, response: { 200: api.Person, ...errors } },
    },
    async (req) => {
      actorOf(req);
      return org.people.get(req.params.id);
    },
  );
  app.post(
    '/api/v1/people',
    {
      schema: { tags, summary: '新增人员（系统管理员）', body: api.PersonInput, response: { 200: api.Person, ...errors } },
    },
    async (req) => org.people.create(actorOf(req), req.body),
  );
  app.patch(
    '/api/v1/people/:id',
    {
      schema: { tags, summary: '修改人员信息', params: api.IdParams, body: api.PersonPatch, response: { 200: api.Person, ...errors } },
    },
    async (req) => org.people.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/people/:id/deactivate',
    {
      schema: { tags, summary: '停用人员账号（同时注销其登录）', params: api.IdParams, body: VersionBody, response: { 200: api.Person, ...errors } },
    },
    async (req) => org.people.setActive(actorOf(req), req.params.id, req.body.version, false),
  );
  app.post(
    '/api/v1/people/:id/activate',
    {
      schema: { tags, summary: '启用人员账号', params: api.IdParams, body: VersionBody, response: { 200: api.Person, ...errors } },
    },
    async (req) => org.people.setActive(actorOf(req), req.params.id, req.body.version, true),
  );
  app.put(
    '/api/v1/people/:id/roles',
    {
      schema: { tags, summary: '分配角色（安全保密管理员）', params: api.IdParams, body: api.RolesInput, response: { 200: api.Person, ...errors } },
    },
    async (req) => org.people.setRoles(actorOf(req), req.params.id, req.body.roles, req.body.version),
  );
  app.post(
    '/api/v1/people/:id/password',
    {
      schema: { tags, summary: '重置密码（安全保密管理员）', params: api.IdParams, body: api.ResetPasswordInput, response: { 200: api.Ok, ...errors } },
    },
    async (req) => {
      await org.people.resetPassword(actorOf(req), req.params.id, req.body.password);
      return { ok: true as const };
    },
  );
  app.put(
    '/api/v1/people/:id/leader',
    {
      schema: {
        tags,
        summary: '设置领导信息（级别、排序、一线/二线、分管）',
        params: api.IdParams,
        body: api.LeaderInput,
        response: { 200: api.Person, ...errors },
      },
    },
    async (req) => org.leaders.setProfile(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/people/:id/leader',
    {
      schema: { tags, summary: '取消领导信息', params: api.IdParams, response: { 200: api.Person, ...errors } },
    },
    async (req) => org.leaders.removeProfile(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/leaders',
    {
      schema: {
        tags,
        summary: '领导列表（一线在前，主要领导居首，按排序）',
        querystring: z.object({ line: z.enum(api.LEADER_LINES).optional() }),
        response: { 200: items(api.Person), ...errors },
      },
    },
    async (req) => {
      actorOf(req);
      return { items: await org.leaders.list({ line: req.query.line }) };
    },
  );

  // ── absences (ORG-4) ──
  app.get(
    '/api/v1/absences',
    {
      schema: {
        tags,
        summary: '外出、请假列表（按时段）',
        querystring: z.object({ userId: api.Id.optional(), from: DateOrInstant.optional(), to: DateOrInstant.optional() }),
        response: { 200: items(api.Absence), ...errors },
      },
    },
    async (req) => ({ items: await org.absences.list(actorOf(req), req.query) }),
  );
  app.post(
    '/api/v1/absences',
    {
      schema: { tags, summary: '登记外出、请假', body: api.AbsenceInput, response: { 200: api.Absence, ...errors } },
    },
    async (req) => org.absences.create(actorOf(req), req.body),
  );
  app.delete(
    '/api/v1/absences/:id',
    {
      schema: { tags, summary: '撤销外出、请假登记', params: api.IdParams, response: { 200: api.Ok, ...errors } },
    },
    async (req) => {
      await org.absences.remove(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
