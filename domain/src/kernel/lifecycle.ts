/**
 * Lifecycles as data. Each matter kind has one table `event → { from, to, by, guards }`; the pure
 * functions here answer "where does this event lead" and "which events may these roles fire now".
 * The server applies a transition as compare-and-set and the UI shows exactly `allowedEvents`.
 */

export interface Transition<S extends string = string, R extends string = string> {
  from: readonly S[];
  to: S;
  /** roles that may fire the event (system roles or roles relative to the matter) */
  by: readonly R[];
  /** named preconditions the service evaluates (e.g. 'no-open-disagreement') */
  guards?: readonly string[];
  /** the button text */
  label: string;
  /** the event needs a comment (a reason), e.g. a return or a decline */
  needsComment?: boolean;
  /**
   * The command that owns this event (e.g. 'decide'): only that command — with its own route and
   * payload schema — may fire it, because the event's effects need the command's data. Events
   * without a command are generic: the generic events route may fire them.
   */
  command?: string;
}

export interface Lifecycle<S extends string = string, E extends string = string, R extends string = string> {
  kind: string;
  /** Chinese name of the matter kind */
  label: string;
  initial: S;
  states: Record<S, { label: string; terminal?: boolean }>;
  events: Record<E, Transition<S, R>>;
}

/** The state an event leads to from `state`, or null when the event does not apply there. */
export function next<S extends string, E extends string>(lc: Lifecycle<S, E>, state: S, event: E): S | null {
  if (!Object.hasOwn(lc.events, event)) return null;
  const t = lc.events[event];
  if (!t.from.includes(state)) return null;
  return t.to;
}

/** Events that actors holding any of `roles` may fire from `state`, in table order. */
export function allowedEvents<S extends string, E extends string, R extends string>(lc: Lifecycle<S, E, R>, state: S, roles: Iterable<string>): E[] {
  const held = new Set(roles);
  return (Object.keys(lc.events) as E[]).filter((e) => {
    const t = lc.events[e];
    return t.from.includes(state) && t.by.some((r) => held.has(r));
  });
}

export function isTerminal<S extends string>(lc: Lifecycle<S>, state: S): boolean {
  return lc.states[state]?.terminal === true;
}

/** States no event can reach (a table error); tests assert this is empty. */
export function unreachableStates<S extends string>(lc: Lifecycle<S>): S[] {
  const seen = new Set<S>([lc.initial]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of Object.values(lc.events) as Transition<S>[]) {
      if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
        seen.add(t.to);
        grew = true;
      }
    }
  }
  return (Object.keys(lc.states) as S[]).filter((s) => !seen.has(s));
}

/** A Mermaid state diagram of the table, for docs/lifecycles.md. */
export function toMermaid(lc: Lifecycle): string {
  const lines = ['stateDiagram-v2', `  [*] --> ${lc.initial}`];
  for (const [state, info] of Object.entries(lc.states)) lines.push(`  ${state}: ${info.label}`);
  for (const [event, t] of Object.entries(lc.events)) {
    for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${t.label}（${event}）`);
  }
  for (const [state, info] of Object.entries(lc.states)) if (info.terminal) lines.push(`  ${state} --> [*]`);
  return lines.join('\n');
}
