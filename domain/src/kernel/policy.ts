/**
 * One policy per matter kind, one source for server and UI: "which actions may this actor take
 * on this matter now". Two kinds of action:
 * - lifecycle events (from the kind's lifecycle table: `from` states and `by` roles); an event
 *   owned by a command is offered as that command's action, never as a generic event;
 * - other actions (edit, confirm, remind, add a task, consult, instruct…), each a list of rules
 *   `{ by: roles, in: states }` — any rule that matches allows the action.
 * The server computes `allowedActions` for the matter it returns and enforces exactly the same
 * answer when the action is taken; the web draws its buttons only from `allowedActions`.
 */
import type { Lifecycle } from './lifecycle';

/** `'open'` = every non-terminal state; `'any'` = every state. */
export type StateSet = readonly string[] | 'open' | 'any';

export interface ActionRule {
  by: readonly string[];
  in: StateSet;
}

export interface ActionSpec {
  label: string;
  rules: readonly ActionRule[];
  /** the action needs a comment or reason */
  needsComment?: boolean;
  /** what a refused actor is told, naming who may (default: 您没有权限{label}) */
  refusal?: string;
}

export interface KindPolicy {
  /** actions other than lifecycle events */
  actions: Record<string, ActionSpec>;
}

export interface AllowedAction {
  /** the event name for lifecycle events, the action name otherwise */
  action: string;
  label: string;
  type: 'event' | 'action';
  /** for an event owned by a command: the command to use */
  command?: string;
  needsComment: boolean;
}

/**
 * Actions the kernel offers on every kind (a kind may override any of them). Relative roles:
 * office (any office role), leader (any leader), owner (the staff member in charge or the creator).
 */
export const KERNEL_ACTIONS: Record<string, ActionSpec> = {
  addTask: { label: '交办任务', rules: [{ by: ['office', 'owner', 'leader'], in: 'open' }] },
  consult: { label: '征求意见', rules: [{ by: ['office', 'owner'], in: 'open' }], refusal: '只有事项的承办人或办公室可以征求意见' },
  settle: { label: '确定协商结果', rules: [{ by: ['office', 'owner'], in: 'open' }], refusal: '只有事项的承办人或办公室可以确定协商结果' },
  instruct: { label: '作出批示', rules: [{ by: ['leader'], in: 'any' }] },
  askLeader: { label: '报请领导批示', rules: [{ by: ['office', 'owner'], in: 'open' }] },
  link: { label: '关联事项', rules: [{ by: ['office', 'owner'], in: 'any' }] },
  share: { label: '分送阅知', rules: [{ by: ['office', 'owner', 'leader'], in: 'any' }] },
  manageSteps: { label: '管理办理步骤', rules: [{ by: ['office', 'owner'], in: 'open' }] },
  attach: { label: '添加附件', rules: [{ by: ['viewer'], in: 'open' }] },
  saveVersion: { label: '保存新版本', rules: [{ by: ['office', 'owner'], in: 'open' }], refusal: '只有事项的承办人或办公室可以保存内容版本' },
};

function inStates(lc: Lifecycle, set: StateSet, state: string): boolean {
  if (set === 'any') return true;
  if (set === 'open') return lc.states[state]?.terminal !== true;
  return set.includes(state);
}

/** The action specs of a kind: the kernel's, overridden and extended by the kind's own. */
export function actionSpecs(policy: KindPolicy | undefined): Record<string, ActionSpec> {
  return { ...KERNEL_ACTIONS, ...(policy?.actions ?? {}) };
}

/** May actors holding `roles` take the (non-event) action `action` on a matter in `state`? */
export function mayAct(lc: Lifecycle, policy: KindPolicy | undefined, action: string, state: string, roles: Iterable<string>): boolean {
  const spec = actionSpecs(policy)[action];
  if (!spec) return false;
  const held = new Set(roles);
  return spec.rules.some((r) => inStates(lc, r.in, state) && r.by.some((b) => held.has(b)));
}

/** May actors holding `roles` fire the lifecycle event `event` from `state` (ignoring guards)? */
export function mayFire(lc: Lifecycle, event: string, state: string, roles: Iterable<string>): boolean {
  if (!Object.hasOwn(lc.events, event)) return false;
  const t = lc.events[event];
  const held = new Set(roles);
  return t.from.includes(state) && t.by.some((b) => held.has(b));
}

/** Everything these roles may do on a matter in `state`, events first in table order. */
export function allowedActions(lc: Lifecycle, policy: KindPolicy | undefined, state: string, roles: Iterable<string>): AllowedAction[] {
  const held = [...roles];
  const out: AllowedAction[] = [];
  for (const [event, t] of Object.entries(lc.events)) {
    if (!mayFire(lc, event, state, held)) continue;
    out.push({ action: event, label: t.label, type: 'event', ...(t.command ? { command: t.command } : {}), needsComment: t.needsComment === true });
  }
  for (const [action, spec] of Object.entries(actionSpecs(policy))) {
    if (mayAct(lc, policy, action, state, held)) out.push({ action, label: spec.label, type: 'action', needsComment: spec.needsComment === true });
  }
  return out;
}
