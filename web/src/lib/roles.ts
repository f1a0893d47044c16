import { ADMIN_ROLES, OFFICE_ROLES, ROLE_LABELS, type Role } from '@xietiao/domain/kernel/roles';
import type { Me } from './types';

export { ROLE_LABELS };

export function roleLabel(r: string): string {
  return (ROLE_LABELS as Record<string, string>)[r] ?? r;
}
export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}
export function isAdmin(me: Me | null | undefined): boolean {
  return hasRole(me, ...ADMIN_ROLES);
}
export function isOffice(me: Me | null | undefined): boolean {
  return !!me && me.roles.some((r) => OFFICE_ROLES.includes(r));
}
export function isLeader(me: Me | null | undefined): boolean {
  return !!me && (me.isLeader || me.roles.includes('leader'));
}
