import { OFFICE_ROLES, isAdminRole, type Role } from '@xietiao/domain';
import { forbidden } from '../errors';

/** The person making a request, as every service sees them. */
export interface Actor {
  id: string;
  username: string;
  name: string;
  organId: string;
  departmentId: string | null;
  roles: Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
export function isOffice(actor: Actor): boolean {
  return actor.roles.some((r) => OFFICE_ROLES.includes(r));
}
export function isAdministrator(actor: Actor): boolean {
  return actor.roles.some(isAdminRole);
}
export function requireRole(actor: Actor, roles: Role[], message?: string): void {
  if (!hasRole(actor, ...roles)) throw forbidden(message);
}
/** Administrators (三员) administer but never act in workflows. */
export function requireWorkflowUser(actor: Actor): void {
  if (isAdministrator(actor)) throw forbidden('管理员账号不能参与业务办理（三员分立）');
}
