/**
 * The one place a matter's status changes, and the one policy check, for every kind.
 *
 * `transition` = policy (the actor's roles against the lifecycle table), ownership (an event
 * owned by a command is refused unless that command fires it), version check, state check,
 * required comment, guards, compare-and-set of status + version (+ the command's own matter
 * fields), the audit row, the kind's effects for the event and for the state entered, and on a
 * terminal state the closing of open tasks and timers — all in the caller's transaction.
 *
 * `allowed` and `require` answer "what may this actor do here now" from the same tables; the API
 * returns `allowed` with each matter and every command calls `require` before acting.
 */
import { allowedActions, actionSpecs, isTerminal, mayAct, next, type AllowedAction } from '@xietiao/domain';
import type { Actor } from '../platform/auth/actor';
import { isAdministrator, requireWorkflowUser } from '../platform/auth/actor';
import type { Conn } from '../platform/db/database';
import { appendAudit } from '../platform/audit';
import { badRequest, forbidden, invalidState, ownedEvent, ruleViolation, staleVersion } from '../platform/errors';
import { cancelTimers } from '../platform/timers';
import { createMattersRepo, type MatterRow } from './matters.repo';
import { KERNEL_GUARDS, type KindDefinition, type KindRegistry } from './matters.kinds';
import { relativeRoles } from './matters.policy';
import type { KernelDeps, KernelWrites, MatterPatch } from './kernel';

export interface TransitionOptions<P = unknown> {
  version: number;
  comment?: string | null;
  /** the command firing the event (required for owned events) */
  command?: string;
  payload?: P;
  /** the matter's own fields the command changes in the same compare-and-set */
  patch?: Omit<MatterPatch, 'data'>;
}

export function createTransitions(deps: KernelDeps, kinds: KindRegistry, kernel: () => KernelWrites) {
  const { clock } = deps;

  function kindOf(kind: string): KindDefinition {
    const k = kinds[kind];
    if (!k) throw badRequest(`未知的事项类型：${kind}`, 'body.kind');
    return k;
  }

  /** The actor's relative roles on the matter: the kernel's (office, leader, owner) and the kind's. */
  async function rolesOf(conn: Conn, actor: Actor, m: MatterRow): Promise<string[]> {
    if (isAdministrator(actor)) return [];
    return [...new Set([...relativeRoles(actor, m), ...(await kindOf(m.kind).roles(conn, actor, m))])];
  }

  async function allowed(conn: Conn, actor: Actor, m: MatterRow): Promise<AllowedAction[]> {
    const k = kinds[m.kind];
    if (!k || isAdministrator(actor)) return [];
    return allowedActions(k.lifecycle, k.policy, m.status, await rolesOf(conn, actor, m));
  }

  /**
   * Refuse a non-event action the policy does not allow: 403 when the actor's roles never allow
   * it, 409 invalid_state when they would in another state. Returns the actor's roles.
   */
  async function require(conn: Conn, actor: Actor, m: MatterRow, action: string): Promise<string[]> {
    requireWorkflowUser(actor);
    const k = kindOf(m.kind);
    const spec = actionSpecs(k.policy)[action];
    if (!spec) throw new Error(`action ${action} is not in the policy of ${m.kind}`);
    const roles = await rolesOf(conn, actor, m);
    if (mayAct(k.lifecycle, k.policy, action, m.status, roles)) return roles;
    const someState = Object.keys(k.lifecycle.states).some((s) => mayAct(k.lifecycle, k.policy, action, s, roles));
    if (someState) throw invalidState(`该事项当前状态为「${k.lifecycle.states[m.status]?.label ?? m.status}」，不能${spec.label}`);
    throw forbidden(spec.refusal ?? `您没有权限${spec.label}`);
  }

  /** Fire `event` on `m`; `actor` null is the system itself (no role check). Returns the new state. */
  async function transition<P>(tx: Conn, actor: Actor | null, m: MatterRow, event: string, o: TransitionOptions<P>): Promise<string> {
    const k = kindOf(m.kind);
    const lc = k.lifecycle;
    if (!Object.hasOwn(lc.events, event)) throw badRequest(`未知的操作：${event}`, 'params.event');
    const t = lc.events[event];
    if (t.command && o.command !== t.command) {
      const c = k.commands?.[t.command];
      throw ownedEvent(`「${t.label}」须通过「${c?.label ?? t.command}」办理${c ? `（${c.route}）` : ''}，不能直接流转`);
    }
    if (actor) {
      requireWorkflowUser(actor);
      const roles = await rolesOf(tx, actor, m);
      if (!t.by.some((r) => roles.includes(r))) throw forbidden(`您没有权限执行「${t.label}」`);
    }
    if (m.version !== o.version) throw staleVersion('该事项已被他人更新，请刷新后查看最新状态');
    const to = next(lc, m.status, event);
    if (!to) throw invalidState(`该事项当前状态为「${lc.states[m.status]?.label ?? m.status}」，不能执行「${t.label}」`);
    const comment = o.comment?.trim() || null;
    if (t.needsComment && !comment) throw badRequest(`「${t.label}」须填写意见或理由`, 'body.comment');
    for (const g of t.guards ?? []) {
      const guard = k.guards?.[g] ?? KERNEL_GUARDS[g];
      if (!guard) throw new Error(`guard ${g} of ${m.kind} is not implemented`);
      const failed = await guard(tx, m);
      if (failed) throw ruleViolation(failed);
    }
    const now = clock.now().toISOString();
    const terminal = isTerminal(lc, to);
    if (!(await createMattersRepo(tx).transition(m.id, m.status, to, m.version, now, terminal, o.patch))) {
      throw staleVersion('该事项已被他人更新，请刷新后查看最新状态');
    }
    await appendAudit(tx, clock, {
      actorId: actor?.id ?? null,
      action: `matter.${event}`,
      entityType: 'matter',
      entityId: m.id,
      matterId: m.id,
      fromState: m.status,
      toState: to,
      detail: comment || o.patch ? { ...(comment ? { comment } : {}), ...(o.patch ? { changed: o.patch } : {}) } : null,
    });
    const ctx = {
      actor,
      matter: m,
      event,
      from: m.status,
      to,
      comment,
      payload: o.payload,
      kernel: kernel(),
      fire: transition,
      clock,
      calendar: deps.calendar(),
    };
    await k.onEvent?.[event]?.(tx, ctx);
    await k.onEnter?.[to]?.(tx, ctx);
    if (terminal) {
      await kernel().tasks.close(tx, { matterId: m.id }, { status: 'cancelled' });
      await cancelTimers(tx, { matterId: m.id });
    }
    return to;
  }

  return { kindOf, rolesOf, allowed, require, transition };
}
