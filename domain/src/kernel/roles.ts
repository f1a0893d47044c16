/**
 * System roles. The three separated administrators (三员) administer but never act in workflows;
 * nobody holds an administrator role together with a workflow role.
 */
export const WORKFLOW_ROLES = ['office_director', 'office_staff', 'secretary', 'reviewer', 'clerk', 'drafter', 'liaison', 'leader'] as const;
export const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const;
export const ROLES = [...WORKFLOW_ROLES, ...ADMIN_ROLES] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  office_director: '办公室主任',
  office_staff: '办公室工作人员',
  secretary: '秘书',
  reviewer: '核稿人',
  clerk: '收发员',
  drafter: '拟稿人',
  liaison: '部门联络员',
  leader: '领导',
  sysadmin: '系统管理员',
  secadmin: '安全保密管理员',
  auditor: '安全审计员',
};

/** Roles that make someone part of the office (办公室), who coordinate matters. */
export const OFFICE_ROLES: readonly Role[] = ['office_director', 'office_staff', 'secretary', 'reviewer', 'clerk'];

export function isAdminRole(r: string): r is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(r);
}

/** Why a set of roles is not allowed, or null: admins are separated from each other and from workflows. */
export function roleSetProblem(roles: readonly string[]): string | null {
  const admin = roles.filter(isAdminRole);
  if (admin.length > 1) return '三员分立：系统管理员、安全保密管理员、安全审计员不能由同一人兼任';
  if (admin.length === 1 && roles.length > 1) return '三员分立：管理员账号不能同时承担业务角色';
  if (roles.length === 0) return '至少需要一个角色';
  return null;
}

/**
 * Who may register a new matter of each kind (before there is a matter to hold relative roles):
 * 协调事项 by the office or a leader; an activity request (出席申请) by any workflow user.
 * The server refuses by `mayRegister`; `/auth/me` returns the kinds as `mayRegister`, and the web
 * shows a 新建 button only for those.
 */
export const REGISTER_POLICY: Record<string, 'office_or_leader' | 'workflow' | 'office_or_department'> = {
  coordination: 'office_or_leader',
  activity: 'workflow',
  // 发文: the office, or a department's liaison or drafter (for their own department only)
  outgoing: 'office_or_department',
};

export function mayRegister(kind: string, roles: readonly string[]): boolean {
  const rule = REGISTER_POLICY[kind];
  if (!rule || roles.length === 0 || roles.some(isAdminRole)) return false;
  if (rule === 'workflow') return true;
  if (rule === 'office_or_department') return roles.some((r) => (OFFICE_ROLES as readonly string[]).includes(r) || r === 'liaison' || r === 'drafter');
  return roles.some((r) => (OFFICE_ROLES as readonly string[]).includes(r) || r === 'leader');
}

/** The kinds these roles may register. */
export function registrableKinds(roles: readonly string[]): string[] {
  return Object.keys(REGISTER_POLICY).filter((k) => mayRegister(k, roles));
}

/**
 * Need-to-know for people's absences (ORG-4): the office (who keeps the leaders' calendars), the
 * leaders and the person see what kind it is (请假, 出差, 公务外出); everyone else — department
 * staff, liaisons — sees only that the person is taken then (有安排), as most offices tell
 * departments. The reason (note) is shown only to those who may record it.
 */
export function maySeeAbsenceKind(viewer: { id: string; roles: readonly string[] }, personId: string): boolean {
  return viewer.id === personId || viewer.roles.some((r) => r === 'leader' || (OFFICE_ROLES as readonly string[]).includes(r));
}
export const ABSENCE_HIDDEN_TITLE = '有安排';
