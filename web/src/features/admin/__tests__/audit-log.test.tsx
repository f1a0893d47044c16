import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../lib/types';
import { AuditRowDetail, entityText } from '../components/AuditLogTab';

const person = '01970000-0000-7000-8000-0000000000c3';
const dept = '01970000-0000-7000-8000-0000000000d4';
const matter = '01970000-0000-7000-8000-0000000000e5';
const row = (e: Partial<AuditEvent> & Pick<AuditEvent, 'action' | 'entityType'>): AuditEvent => ({
  seq: 7,
  id: '01970000-0000-7000-8000-0000000000f6',
  at: '2026-03-02T01:30:00.000Z',
  actorId: null,
  actorName: '刘洋',
  entityId: null,
  matterId: null,
  fromState: null,
  toState: null,
  detail: null,
  hash: 'ab'.repeat(32),
  ...e,
});
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('X-3 审计日志 rows in words', () => {
  it('X-3 a status change: the event and both states by the matter kind’s names, the object by kind', () => {
    const e = row({
      action: 'matter.approve',
      entityType: 'matter',
      entityId: matter,
      matterId: matter,
      matterKind: 'activity',
      fromState: 'awaiting_approval',
      toState: 'approved',
    });
    const shown = text(renderToStaticMarkup(<AuditRowDetail e={e} />));
    expect(shown).toContain('同意');
    expect(shown).toContain('待主要领导审批 → 已批准（待确认）');
    expect(shown).toContain('事项（领导公务活动）');
    expect(shown).toContain('2026年3月2日 09:30');
    // the codes and ids are behind 查看原始数据 (closed)
    expect(shown).toContain('查看原始数据');
    for (const raw of ['matter.approve', 'awaiting_approval', matter]) expect(shown).not.toContain(raw);
  });

  it('X-3 an edit: before and after as a field list with Chinese field names and names for ids', () => {
    const e = row({
      action: 'org.person.updated',
      entityType: 'user',
      entityId: person,
      names: { [person]: '张伟', [dept]: '市财政局' },
      detail: JSON.stringify({ before: { title: '科员', departmentId: null }, after: { title: '副科长', departmentId: dept } }),
    });
    expect(entityText(e)).toBe('用户 张伟');
    const shown = text(renderToStaticMarkup(<AuditRowDetail e={e} />));
    expect(shown).toContain('修改人员');
    expect(shown).toMatch(/职务 科员 → 副科长/);
    expect(shown).toMatch(/部门 （空） → 市财政局/);
    for (const raw of ['departmentId', dept, '&quot;']) expect(shown).not.toContain(raw);
  });

  it('X-3 calendar and account rows are named too', () => {
    expect(entityText(row({ action: 'calendar.override.set', entityType: 'calendar_day', entityId: '2026-10-09' }))).toBe('工作日历（单日） 2026年10月9日');
    expect(entityText(row({ action: 'task.created', entityType: 'task', entityId: person, matterKind: 'coordination' }))).toBe('任务（协调事项）');
    const locked = text(
      renderToStaticMarkup(
        <AuditRowDetail
          e={row({
            action: 'auth.login_failed',
            entityType: 'user',
            detail: JSON.stringify({ username: 'office', ip: '10.0.0.8', reason: 'wrong_password', failures: 3 }),
          })}
        />,
      ),
    );
    expect(locked).toContain('登录失败');
    expect(locked).toMatch(/原因 密码错误/);
    expect(locked).toMatch(/连续失败次数 3/);
  });
});
