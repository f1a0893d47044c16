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
  )
  .meta({ description: '日期 YYYY-MM-DD，或带时区的 ISO-8601 时间（如 2026-10-09T09:00:00+08:00）' });

export function registerOrgRoutes(app: ZodApp, _ctx: AppContext, { org }: Container): void {
  // ── organs (ORG-1) ──
  app.get(
    '/api/v1/organs',
    {
      schema: {
        tags,
        operationId: 'listOrgans',
        summary: '机关列表',
        description: '本机关及其上下级机关、外单位等全部机关；includeInactive=1 时包括已停用的。',
        querystring: z.object({ includeInactive: Flag }),
        response: { 200: items(api.Organ) },
      },
    },
    async (req) => {
      actorOf(req);
      return { items: await org.organs.list({ includeInactive: isOn(req.query.includeInactive) }) };
    },
  );
  app.post(
    '/api/v1/organs',
    {
      schema: {
        tags,
        operationId: 'createOrgan',
        summary: '新增机关',
        description: '系统管理员新增机关，含类别、级别、上级或所属机关和发文机关代字。',
        body: api.OrganInput,
        response: { 200: api.Organ },
      },
    },
    async (req) => org.organs.create(actorOf(req), req.body),
  );
  app.patch(
    '/api/v1/organs/:id',
    {
      schema: {
        tags,
        operationId: 'updateOrgan',
        summary: '修改机关',
        description: '系统管理员修改机关：只修改请求中给出的字段，须提交 version。',
        params: api.IdParams,
        body: api.OrganPatch,
        response: { 200: api.Organ },
      },
    },
    async (req) => org.organs.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/organs/:id/deactivate',
    {
      schema: {
        tags,
        operationId: 'deactivateOrgan',
        summary: '停用机关',
        description: '停用后不再供选择。本机关不能停用；仍有机关以其为上级或所属机关时也不能停用（422）。',
        params: api.IdParams,
        body: VersionBody,
        response: { 200: api.Organ, 422: api.ErrorBody.describe('rule_violation：本机关，或仍有机关以其为上级或所属机关') },
      },
    },
    async (req) => org.organs.deactivate(actorOf(req), req.params.id, req.body.version),
  );
  app.get(
    '/api/v1/organs/:id/relation/:otherId',
    {
      schema: {
        tags,
        operationId: 'getOrganRelation',
        summary: '两机关的关系（上级/下级/平级/不相隶属）',
        description: '按上级关系判断 otherId 相对于 id 是本机关、上级、下级、平级还是不相隶属，用于确定行文方式。',
        params: RelationParams,
        response: { 200: api.OrganRelation },
      },
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
      schema: {
        tags,
        operationId: 'listDepartments',
        summary: '部门列表（含职责）',
        description: '本机关各部门及其职责、联络员和分管领导；includeInactive=1 时包括已停用的。',
        querystring: z.object({ includeInactive: Flag }),
        response: { 200: items(api.Department) },
      },
    },
    async (req) => {
      actorOf(req);
      return { items: await org.departments.list({ includeInactive: isOn(req.query.includeInactive) }) };
    },
  );
  app.post(
    '/api/v1/departments',
    {
      schema: {
        tags,
        operationId: 'createDepartment',
        summary: '新增部门',
        description: '系统管理员新增本机关的部门及其职责；部门名称不能重复（409），尚未设置本机关时不能新增（422）。',
        body: api.DepartmentInput,
        response: { 200: api.Department, 422: api.ErrorBody.describe('rule_violation：尚未设置本机关') },
      },
    },
    async (req) => org.departments.create(actorOf(req), req.body),
  );
  app.patch(
    '/api/v1/departments/:id',
    {
      schema: {
        tags,
        operationId: 'updateDepartment',
        summary: '修改部门及其职责',
        description: '系统管理员修改部门：只修改请求中给出的字段，须提交 version。',
        params: api.IdParams,
        body: api.DepartmentPatch,
        response: { 200: api.Department },
      },
    },
    async (req) => org.departments.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/departments/:id/deactivate',
    {
      schema: {
        tags,
        operationId: 'deactivateDepartment',
        summary: '停用部门',
        description: '部门还有在岗人员时不能停用（422），须先调整这些人员的所在部门。',
        params: api.IdParams,
        body: VersionBody,
        response: { 200: api.Department, 422: api.ErrorBody.describe('rule_violation：部门还有在岗人员') },
      },
    },
    async (req) => org.departments.deactivate(actorOf(req), req.params.id, req.body.version),
  );

  // ── people and leaders (ORG-3) ──
  app.get(
    '/api/v1/people',
    {
      schema: {
        tags,
        operationId: 'listPeople',
        summary: '人员列表',
        description: '按姓名或用户名（q）、部门、角色筛选人员；includeInactive=1 时包括已停用的账号。',
        querystring: z.object({
          q: z.string().trim().max(50).optional(),
          departmentId: api.Id.optional(),
          role: z.enum(ROLES).optional(),
          includeInactive: Flag,
        }),
        response: { 200: items(api.Person) },
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
      schema: {
        tags,
        operationId: 'getPerson',
        summary: '人员详情',
        description: '人员的基本信息、角色和领导信息。',
        params: api.IdParams,
        response: { 200: api.Person },
      },
    },
    async (req) => {
      actorOf(req);
      return org.people.get(req.params.id);
    },
  );
  app.post(
    '/api/v1/people',
    {
      schema: {
        tags,
        operationId: 'createPerson',
        summary: '新增人员（系统管理员）',
        description: '系统管理员新增人员账号并设初始密码；用户名已被占用时为 409，尚未设置本机关时为 422。',
        body: api.PersonInput,
        response: { 200: api.Person, 422: api.ErrorBody.describe('rule_violation：尚未设置本机关') },
      },
    },
    async (req) => org.people.create(actorOf(req), req.body),
  );
  app.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        operationId: 'updatePerson',
        summary: '修改人员信息',
        description: '修改姓名、职务、电话和所在部门：只修改请求中给出的字段，须提交 version。',
        params: api.IdParams,
        body: api.PersonPatch,
        response: { 200: api.Person },
      },
    },
    async (req) => org.people.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/people/:id/deactivate',
    {
      schema: {
        tags,
        operationId: 'deactivatePerson',
        summary: '停用人员账号（同时注销其登录）',
        description: '停用账号并注销其全部会话；不能停用自己的账号（422）。',
        params: api.IdParams,
        body: VersionBody,
        response: { 200: api.Person, 422: api.ErrorBody.describe('rule_violation：不能停用自己的账号') },
      },
    },
    async (req) => org.people.setActive(actorOf(req), req.params.id, req.body.version, false),
  );
  app.post(
    '/api/v1/people/:id/activate',
    {
      schema: {
        tags,
        operationId: 'activatePerson',
        summary: '启用人员账号',
        description: '重新启用已停用的账号。',
        params: api.IdParams,
        body: VersionBody,
        response: { 200: api.Person },
      },
    },
    async (req) => org.people.setActive(actorOf(req), req.params.id, req.body.version, true),
  );
  app.put(
    '/api/v1/people/:id/roles',
    {
      schema: {
        tags,
        operationId: 'setPersonRoles',
        summary: '分配角色（安全保密管理员）',
        description: '安全保密管理员为人员分配角色（替换原有的全部角色），须提交 version；不能修改自己的角色（422）。',
        params: api.IdParams,
        body: api.RolesInput,
        response: { 200: api.Person, 422: api.ErrorBody.describe('rule_violation：不能修改自己的角色') },
      },
    },
    async (req) => org.people.setRoles(actorOf(req), req.params.id, req.body.roles, req.body.version),
  );
  app.post(
    '/api/v1/people/:id/password',
    {
      schema: {
        tags,
        operationId: 'resetPersonPassword',
        summary: '重置密码（安全保密管理员）',
        description: '安全保密管理员为人员设置新密码（至少10位）。',
        params: api.IdParams,
        body: api.ResetPasswordInput,
        response: { 200: api.Ok },
      },
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
        operationId: 'setLeaderProfile',
        summary: '设置领导信息（级别、排序、一线/二线、分管）',
        description:
          '设置领导的职务、级别、排序、一线/二线、是否主要领导、秘书和分管范围。该人员须已有“领导”角色，不能担任自己的秘书，主要领导只能有一位（422）。',
        params: api.IdParams,
        body: api.LeaderInput,
        response: { 200: api.Person, 422: api.ErrorBody.describe('rule_violation：该人员没有“领导”角色、担任自己的秘书，或已有主要领导') },
      },
    },
    async (req) => org.leaders.setProfile(actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/people/:id/leader',
    {
      schema: {
        tags,
        operationId: 'removeLeaderProfile',
        summary: '取消领导信息',
        description: '取消该人员的领导信息；没有领导信息时为 404。',
        params: api.IdParams,
        response: { 200: api.Person },
      },
    },
    async (req) => org.leaders.removeProfile(actorOf(req), req.params.id),
  );
  app.get(
    '/api/v1/leaders',
    {
      schema: {
        tags,
        operationId: 'listLeaders',
        summary: '领导列表（一线在前，主要领导居首，按排序）',
        description: '全部领导，一线在前，主要领导居首，其余按排序；line 可只列一线或二线。',
        querystring: z.object({ line: z.enum(api.LEADER_LINES).optional() }),
        response: { 200: items(api.Person) },
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
        operationId: 'listAbsences',
        summary: '外出、请假列表（按时段）',
        description: '按人员和时段列出外出、请假；from、to 为日期或带时区的时间。办公室和本人看到全部内容，其他人员只看到时段和类型。',
        querystring: z.object({ userId: api.Id.optional(), from: DateOrInstant.optional(), to: DateOrInstant.optional() }),
        response: { 200: items(api.Absence) },
      },
    },
    async (req) => ({ items: await org.absences.list(actorOf(req), req.query) }),
  );
  app.post(
    '/api/v1/absences',
    {
      schema: {
        tags,
        operationId: 'createAbsence',
        summary: '登记外出、请假',
        description:
          '本人或办公室登记外出、请假；与本人已有的登记重叠时为 400（message 指出重叠的登记），已结束的时段只能由办公室补登。notices 说明因此受影响的安排（如须另选领导出席的活动）。',
        body: api.AbsenceInput,
        response: { 200: api.Absence },
      },
    },
    async (req) => org.absences.create(actorOf(req), req.body),
  );
  app.delete(
    '/api/v1/absences/:id',
    {
      schema: {
        tags,
        operationId: 'deleteAbsence',
        summary: '撤销外出、请假登记',
        description: '撤销一条外出、请假登记；已结束的登记只能由办公室撤销。',
        params: api.IdParams,
        response: { 200: api.Ok },
      },
    },
    async (req) => {
      await org.absences.remove(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
