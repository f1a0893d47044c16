import { describe, expect, it } from 'vitest';
import { taskActions, type TaskFacts } from '../tasks';

const me = { id: 'u1', departmentId: 'd1' };
const task = (o: Partial<TaskFacts> = {}): TaskFacts => ({
  status: 'open',
  kind: 'handle',
  stepId: null,
  assigneeUserId: null,
  assigneeDepartmentId: 'd1',
  ...o,
});

describe('K-6 taskActions', () => {
  // [case, task, may assign on the matter, expected]
  const table: [string, TaskFacts, boolean, string[]][] = [
    ['my department’s open task', task(), false, ['complete']],
    ['my own open task', task({ assigneeUserId: 'u1', assigneeDepartmentId: null }), false, ['complete']],
    ['a colleague’s personal task in my department', task({ assigneeUserId: 'u2' }), false, []],
    ['another department’s task, and I assign', task({ assigneeDepartmentId: 'd2' }), true, ['chase', 'extend']],
    ['my task on a matter I also manage', task(), true, ['complete', 'chase', 'extend']],
    ['a workflow step’s task', task({ stepId: 's1' }), false, []],
    ['a workflow kind (定夺)', task({ kind: 'decide' }), true, ['chase', 'extend']],
    ['a done task', task({ status: 'done' }), true, []],
    ['a cancelled task', task({ status: 'cancelled' }), true, []],
  ];
  it.each(table)('K-6 %s', (_, t, mayAssign, want) => {
    expect(taskActions(t, { ...me, mayAssign })).toEqual(want);
  });
});
