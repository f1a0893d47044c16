/**
 * Buttons come from the server's policy only: each matter carries `allowedActions` (what this
 * user may do on it now). The web never decides from roles whether an action is allowed.
 */
export interface HasAllowedActions {
  allowedActions: { action: string }[];
}

export function allows(m: HasAllowedActions | null | undefined, action: string): boolean {
  return !!m && m.allowedActions.some((a) => a.action === action);
}
