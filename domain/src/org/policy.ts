/**
 * Who may do what in the organisation module (ORG-1…4), as one table — the server enforces it
 * (`authorize`), the web shows only the buttons it allows (`canOrg`).
 *
 * Reading organisation data (organs, departments, people, leaders, absences) is open to every
 * logged-in user: routing and scheduling need it everywhere. Writing is split along 三员 lines:
 * the system administrator keeps the organisation and the accounts; the security administrator
 * (安全保密管理员) alone grants roles and resets passwords, so no single administrator can both
 * create an account and give it power. Absences are recorded by the office (who keep leaders'
 * calendars) or the person themself; they move workflows (a leader's absence re-opens the
 * activities they were to attend), so administrators, who never act in workflows, do not.
 */
import { OFFICE_ROLES, type Role } from '../kernel/roles';

export interface OrgRule {
  /** roles that may always do it */
  roles: readonly Role[];
  /** the person concerned may also do it */
  self?: boolean;
  /** the Chinese refusal, saying who may */
  refusal: string;
}

export const ORG_POLICY = {
  'organ.write': { roles: ['sysadmin'], refusal: '只有系统管理员可以维护机关信息' },
  'department.write': { roles: ['sysadmin'], refusal: '只有系统管理员可以维护部门及其职责' },
  'person.write': { roles: ['sysadmin'], refusal: '只有系统管理员可以新增、修改或停用人员' },
  'leader.write': { roles: ['sysadmin'], refusal: '只有系统管理员可以维护领导信息（级别、排序、分管）' },
  'roles.assign': { roles: ['secadmin'], refusal: '只有安全保密管理员可以分配角色' },
  'password.reset': { roles: ['secadmin'], refusal: '只有安全保密管理员可以重置密码' },
  'absence.write': {
    roles: [...OFFICE_ROLES],
    self: true,
    refusal: '只有办公室人员、秘书或本人可以登记或撤销外出、请假',
  },
  /** 补登: recording an absence that has already ended */
  'absence.backfill': { roles: [...OFFICE_ROLES], refusal: '已经结束的外出、请假只能由办公室补登或撤销' },
} as const satisfies Record<string, OrgRule>;

export type OrgAction = keyof typeof ORG_POLICY;

/** May `actor` do `action` (on something concerning `subjectUserId`)? */
export function canOrg(actor: { id: string; roles: readonly string[] }, action: OrgAction, subjectUserId?: string): boolean {
  const rule: OrgRule = ORG_POLICY[action];
  if (actor.roles.some((r) => (rule.roles as readonly string[]).includes(r))) return true;
  return !!rule.self && subjectUserId !== undefined && subjectUserId === actor.id;
}
