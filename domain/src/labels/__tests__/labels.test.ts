import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIFECYCLES } from '../../lifecycles/index';
import { STEP_LIFECYCLES } from '../../kernel/steps';
import { DEFAULT_ACTIVITY_RULES } from '../../activities/rules';
import { LeaderInput } from '../../api/org';
import { NoticeHoliday, NoticeWorkday, YearNoticeInput } from '../../api/calendar';
import { ReminderBody } from '../../api/activities';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_AREA_LABELS,
  ENTITY_LABELS,
  auditActionGroups,
  auditActionLabel,
  auditStateKind,
  hasStateLabel,
  stateLabel,
} from '../audit';
import { DETAIL_FIELD_LABELS, auditDetailFields, describeAuditDetail, detailFieldLabel, detailIds, formatDetailValue } from '../detail';

/** The server's own source (tests left out: their codes are made up). */
const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'server', 'src');
function serverFiles(dir = SERVER): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' || (dir === SERVER && e.name === 'test') ? [] : serverFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}
const SOURCES = serverFiles().map((f) => ({ file: path.relative(SERVER, f), text: fs.readFileSync(f, 'utf8') }));

const CJK = /[\u4e00-\u9fff]/;
const where = (file: string, text: string, index: number) => `${file}:${text.slice(0, index).split('\n').length}`;

/**
 * Every action code written: literals after `action:` / `auditAction:` / `action ??` (ternaries
 * included: the rest of the property, up to the next one), and template-built codes, which only
 * the templates the test knows how to expand may use.
 */
function scanActions() {
  const literals = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const { file, text } of SOURCES) {
    for (const m of text.matchAll(/\b(?:action|auditAction)\s*(?::|\?\?)\s*/g)) {
      const rest = text.slice(m.index + m[0].length).split('\n')[0];
      const value = rest.split(/,\s*[A-Za-z_]\w*:\s/)[0];
      for (const lit of value.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) literals.set(lit[1], where(file, text, m.index));
      for (const tpl of value.matchAll(/`([^`]*\$\{[^`]*)`/g)) templates.set(tpl[1].replace(/\$\{(\w+)\}/g, '<$1>'), where(file, text, m.index));
    }
  }
  return { literals, templates };
}

/** The codes each template makes (`matter.<event>` from every lifecycle, `activity.<state>` from the 提醒 states). */
const TEMPLATE_CODES: Record<string, () => string[]> = {
  'matter.<event>': () => Object.values(LIFECYCLES).flatMap((lc) => Object.keys(lc.events).map((e) => `matter.${e}`)),
  'activity.<state>': () => ReminderBody.shape.state.options.map((s) => `activity.${s}`),
};

/** An object literal's text from its opening brace (balanced, strings skipped). */
function objectAt(text: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) return text.slice(open, i + 1);
    }
  }
  return text.slice(open);
}

/** Property names of object literals (keys `k:` and shorthand `{ k }`), strings blanked out first. */
function keysOf(obj: string): string[] {
  const code = obj.replace(/'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
  const keys = [...code.matchAll(/(?<![\w$.?])([A-Za-z_$][\w$]*):(?!:)/g)].map((m) => m[1]);
  const shorthand = [...code.matchAll(/(?<=[{,]\s*)(?<!\.\.\.)([A-Za-z_$][\w$]*)(?=\s*[,}])/g)].map((m) => m[1]);
  return [...keys, ...shorthand];
}

/**
 * The detail fields the server writes: keys of the objects given as `detail` / `auditDetail`, of
 * the edits it diffs (`changes(before, {…})`, an activity's `patch`, a transition's `patch`).
 */
function scanDetailFields(): Map<string, string> {
  const out = new Map<string, string>();
  for (const { file, text } of SOURCES) {
    for (const m of text.matchAll(/\b(?:detail|auditDetail)\s*:[^{\n,]*?\{|changes\(before,\s*\{|const patch(?::[^=]+)?=\s*\{|\bpatch:\s*\{/g)) {
      const open = m.index + m[0].length - 1;
      for (const k of keysOf(objectAt(text, open))) if (!out.has(k)) out.set(k, where(file, text, m.index));
    }
  }
  return out;
}

/** Fields written through typed spreads the scan cannot see: the leader's input, the rules, the notice, a matter's own columns. */
function deepKeys(o: unknown): string[] {
  if (!o || typeof o !== 'object') return [];
  return Object.entries(o).flatMap(([k, v]) => [k, ...(Array.isArray(v) ? [] : deepKeys(v))]);
}
const SPREAD_FIELDS = [
  ...Object.keys(LeaderInput.shape),
  ...deepKeys(DEFAULT_ACTIVITY_RULES),
  ...Object.keys(YearNoticeInput.shape),
  ...Object.keys(NoticeHoliday.shape),
  ...Object.keys(NoticeWorkday.shape),
  // MatterPatch (kernel.ts): the matter's own columns an edit may change
  'title',
  'owner_id',
  'department_id',
  'due_date',
  'priority',
  'data',
];

describe('X-3 every code the audit trail shows has a Chinese label', () => {
  const { literals, templates } = scanActions();

  it('X-3 the scan finds the server’s audit actions (it is not reading an empty tree)', () => {
    expect(SOURCES.length).toBeGreaterThan(50);
    for (const code of ['auth.login_failed', 'matter.created', 'activity.proposal_recorded', 'org.person.activated', 'step.opened', 'consultation.escalated'])
      expect([...literals.keys()]).toContain(code);
    expect([...templates.keys()].sort()).toEqual(Object.keys(TEMPLATE_CODES).sort());
  });

  it('X-3 every action literal the server writes has a Chinese label', () => {
    const missing = [...literals].filter(([code]) => !CJK.test(auditActionLabel(code))).map(([code, at]) => `${code} (${at})`);
    expect(missing, 'add these codes to AUDIT_ACTION_LABELS in domain/src/labels/audit.ts').toEqual([]);
  });

  it('X-3 every action belongs to a labelled area, and the viewer’s filter offers it', () => {
    const offered = new Set(auditActionGroups().flatMap((g) => g.actions.map((a) => a.code)));
    const codes = [...literals.keys(), ...Object.values(TEMPLATE_CODES).flatMap((f) => f())];
    expect(codes.filter((c) => !CJK.test(AUDIT_AREA_LABELS[c.slice(0, c.indexOf('.'))] ?? ''))).toEqual([]);
    expect(codes.filter((c) => !offered.has(c))).toEqual([]);
    expect(auditActionGroups().find((g) => g.prefix === 'matter.')?.actions).toContainEqual({
      code: 'matter.complete',
      label: '办结（协调事项、领导公务活动）',
    });
  });

  it('X-3 every template-built action (matter.<event>, activity.<reminder state>) has a Chinese label', () => {
    const unknown = [...templates].filter(([t]) => !TEMPLATE_CODES[t]).map(([t, at]) => `\`${t}\` (${at})`);
    expect(unknown, 'a new template-built audit action: teach TEMPLATE_CODES what it makes and label the codes').toEqual([]);
    for (const [kind, lc] of Object.entries(LIFECYCLES)) {
      for (const [event, t] of Object.entries(lc.events)) {
        expect(auditActionLabel(`matter.${event}`, kind), `matter.${event} of ${kind}`).toBe(t.label);
        expect(auditActionLabel(`${kind}.${event}`), `${kind}.${event}`).toMatch(CJK);
      }
    }
    for (const code of TEMPLATE_CODES['activity.<state>']()) expect(auditActionLabel(code), code).toMatch(CJK);
  });

  it('X-3 every state of every lifecycle has a Chinese label', () => {
    for (const [kind, lc] of [...Object.entries(LIFECYCLES), ...Object.entries(STEP_LIFECYCLES)]) {
      for (const state of Object.keys(lc.states)) {
        expect(stateLabel(kind, state), `${kind}.${state}`).toMatch(CJK);
        expect(stateLabel(kind, state)).toBe(lc.states[state].label);
      }
    }
  });

  it('X-3 every literal fromState/toState the server writes is named by its row’s own state table', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const { file, text } of SOURCES) {
      for (const m of text.matchAll(/\b(fromState|toState):\s*([^,\n]+)/g)) {
        const states = [...m[2].matchAll(/'([a-z_]+)'/g)].map((s) => s[1]);
        if (!states.length) continue;
        // the audit call this property belongs to: the nearest action and entity type before it
        const before = text.slice(Math.max(0, m.index - 600), m.index);
        const action = [...before.matchAll(/action:\s*(?:[^'\n]*\?\s*)?'([a-z_.]+)'/g)].at(-1)?.[1] ?? '';
        const entityType = [...before.matchAll(/entityType:\s*'([a-z_]+)'/g)].at(-1)?.[1];
        const kind = auditStateKind({ action, entityType });
        for (const s of states) {
          seen++;
          if (!kind || !hasStateLabel(kind, s) || !CJK.test(stateLabel(kind, s))) missing.push(`${s} of ${kind ?? entityType} (${where(file, text, m.index)})`);
        }
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(missing, 'add these states to ENTITY_STATE_LABELS (or the lifecycle table)').toEqual([]);
  });

  it('X-3 every entity type the server writes has a Chinese label', () => {
    const types = new Set(SOURCES.flatMap(({ text }) => [...text.matchAll(/entityType:\s*'([a-z_]+)'/g)].map((m) => m[1])));
    expect(types.size).toBeGreaterThan(10);
    expect([...types].filter((t) => !CJK.test(ENTITY_LABELS[t] ?? ''))).toEqual([]);
  });

  it('X-3 every detail field the server writes has a Chinese label', () => {
    const fields = scanDetailFields();
    for (const k of ['leaderIds', 'responsibleStaffId', 'assigneeUserId', 'subject', 'held_in_name', 'owner_id']) expect([...fields.keys()]).toContain(k);
    for (const k of SPREAD_FIELDS) if (!fields.has(k)) fields.set(k, '(typed spread)');
    const missing = [...fields].filter(([k]) => !CJK.test(detailFieldLabel(k))).map(([k, at]) => `${k} (${at})`);
    expect(missing, 'add these fields to DETAIL_FIELD_LABELS in domain/src/labels/detail.ts').toEqual([]);
  });

  it('X-3 labels are Chinese and the tables hold no stray codes', () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label, code).toMatch(CJK);
      expect(literals.has(code) || TEMPLATE_CODES['activity.<state>']().includes(code), `${code} is labelled but never written`).toBe(true);
    }
    for (const [k, label] of Object.entries(DETAIL_FIELD_LABELS)) expect(label, k).toMatch(CJK);
  });
});

describe('X-3 audit detail as a readable field list', () => {
  const leader = '01970000-0000-7000-8000-0000000000a1';
  const dept = '01970000-0000-7000-8000-0000000000d1';

  it('X-3 an edit shows each changed field before and after, with ids by name and times in China time', () => {
    const detail = JSON.stringify({
      before: { starts_at: '2026-03-02T01:30:00.000Z', place: '市政府第一会议室', department_id: dept },
      after: { starts_at: '2026-03-02T06:00:00.000Z', place: '市政府第一会议室', department_id: null },
    });
    const rows = auditDetailFields(detail, { action: 'activity.updated', names: { [dept]: '市财政局' } });
    expect(rows).toEqual([
      { path: ['starts_at'], label: '开始时间', change: 'changed', before: '2026年3月2日 09:30', after: '2026年3月2日 14:00' },
      { path: ['place'], label: '地点', change: 'unchanged', before: '市政府第一会议室', after: '市政府第一会议室' },
      { path: ['department_id'], label: '部门', change: 'changed', before: '市财政局', after: '（空）' },
    ]);
    expect(describeAuditDetail(detail, { names: { [dept]: '市财政局' } })).toBe('开始时间：2026年3月2日 09:30 → 2026年3月2日 14:00；部门：市财政局 → （空）');
  });

  it('X-3 facts are labelled; coded values by their names; unresolved ids are marked, never shown raw', () => {
    const rows = auditDetailFields(
      { leaderIds: [leader, dept], responsibleStaffId: null },
      { action: 'activity.proposal_recorded', names: { [leader]: '王建国' } },
    );
    expect(rows.map((r) => `${r.label}=${r.value}`)).toEqual(['领导=王建国、（编号尾号0000d1）', '责任人=（空）']);
    expect(auditDetailFields({ leaderIds: [leader], responsibleStaffId: null, note: '', userIds: [] }, { omitEmpty: true }).map((r) => r.label)).toEqual([
      '领导',
    ]);
    expect(
      describeAuditDetail(
        { kind: 'handle', title: '报送材料', dueDate: '2026-03-05', assigneeDepartmentId: dept },
        { action: 'task.created', names: { [dept]: '市财政局' } },
      ),
    ).toBe('任务类型：承办；标题：报送材料；期限：2026年3月5日；承办部门：市财政局');
    expect(describeAuditDetail({ before: { roles: ['office_staff'] }, after: { roles: ['office_staff', 'secretary'] } })).toBe(
      '角色：办公室工作人员 → 办公室工作人员、秘书',
    );
    expect(formatDetailValue('warnRatio', 0.75)).toBe('75%');
    expect(formatDetailValue('working', false)).toBe('休息日');
  });

  it('X-3 nested settings by path; participants by party and role; link fields hidden from 办理记录', () => {
    const rules = describeAuditDetail({ before: { quota: { enabled: true, max: 4 } }, after: { quota: { enabled: false, max: 4 } } });
    expect(rules).toBe('数量控制 · 启用：启用 → 停用');
    const opened = auditDetailFields(
      { type: 'consult', order: 'parallel', participants: [{ type: 'department', id: dept, role: 'member' }], participantId: leader },
      { names: { [dept]: '市财政局' }, internal: false },
    );
    expect(opened.map((r) => `${r.label}=${r.value}`)).toEqual(['步骤类型=征求意见', '办理顺序=并行', '参与者=部门市财政局（参与）']);
    expect(detailIds(JSON.stringify({ participants: [{ id: dept }], leaderId: leader, title: 'x' })).sort()).toEqual([dept, leader].sort());
  });

  it('X-3 rows are labelled by their own state table', () => {
    expect(stateLabel(auditStateKind({ action: 'matter.approve', entityType: 'matter', matterKind: 'activity' }), 'awaiting_approval')).toBe('待主要领导审批');
    expect(stateLabel(auditStateKind({ action: 'task.completed' }), 'done')).toBe('已办结');
    expect(stateLabel(auditStateKind({ action: 'step.participant_skipped', entityType: 'step' }), 'active')).toBe('办理中');
    expect(stateLabel(auditStateKind({ action: 'org.department.deactivated', entityType: 'department' }), 'inactive')).toBe('已撤销');
    expect(auditActionLabel('matter.approve', 'activity')).toBe('同意');
    expect(auditActionLabel('matter.decide')).toBe('定夺');
  });
});
