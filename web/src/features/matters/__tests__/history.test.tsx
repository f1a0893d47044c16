import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../lib/types';
import { HistoryTab } from '../components/HistoryTab';

const leader = '01970000-0000-7000-8000-0000000000a1';
const staff = '01970000-0000-7000-8000-0000000000b2';
const entry = (e: Partial<HistoryEntry> & Pick<HistoryEntry, 'seq' | 'action'>): HistoryEntry => ({
  at: '2026-03-02T01:30:00.000Z',
  actorName: '刘洋',
  fromState: null,
  toState: null,
  detail: null,
  ...e,
});

/** The text a person reads (tags stripped). */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('X-3 办理记录 shows Chinese labels, names and China time', () => {
  const history: HistoryEntry[] = [
    entry({
      seq: 1,
      action: 'activity.requested',
      toState: 'submitted',
      detail: JSON.stringify({ title: '全市安全生产工作会议', category: '会议', startsAt: '2026-03-09T01:00:00.000Z', place: '市政府第一会议室' }),
    }),
    entry({ seq: 2, action: 'activity.proposal_recorded', detail: JSON.stringify({ leaderIds: [leader], responsibleStaffId: staff }) }),
    entry({ seq: 3, action: 'matter.propose', fromState: 'submitted', toState: 'awaiting_approval' }),
    entry({ seq: 4, action: 'matter.approve', actorName: '王建国', fromState: 'awaiting_approval', toState: 'approved', at: '2026-03-02T16:05:00.000Z' }),
    entry({ seq: 5, action: 'task.completed', actorName: null, fromState: 'open', toState: 'done', detail: JSON.stringify({ result: '已确认' }) }),
  ];
  const html = renderToStaticMarkup(<HistoryTab history={history} kind="activity" names={{ [leader]: '王建国', [staff]: '陈静' }} />);
  const shown = text(html);

  it('X-3 actions, states and fields by their Chinese names; no code and no id on screen', () => {
    for (const want of [
      '登记出席申请',
      '记录拟办意见',
      '提出拟办意见，报主要领导审批',
      '同意',
      '已登记（待拟办）',
      '待主要领导审批',
      '已批准（待确认）',
      '办结任务',
      '办理中',
      '已办结',
    ]) {
      expect(shown).toContain(want);
    }
    expect(shown).toContain('领导： 王建国');
    expect(shown).toContain('责任人： 陈静');
    expect(shown).toContain('活动类别： 会议');
    expect(shown).toContain('系统');
    for (const raw of ['activity.proposal_recorded', 'matter.approve', 'awaiting_approval', 'leaderIds', 'responsibleStaffId', leader, staff, '&quot;', '{'])
      expect(shown).not.toContain(raw);
  });

  it('X-3 times are absolute China times in Chinese (UTC 16:05 is 00:05 the next day in Beijing)', () => {
    expect(shown).toContain('2026年3月2日 09:30');
    expect(shown).toContain('2026年3月3日 00:05');
    expect(shown).toContain('开始时间： 2026年3月9日 09:00');
  });
});
