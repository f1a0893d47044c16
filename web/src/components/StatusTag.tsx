import { Tag } from 'antd';

const COLORS: Record<string, string> = {
  registered: 'default',
  coordinating: 'blue',
  awaiting_decision: 'gold',
  executing: 'cyan',
  completed: 'green',
  cancelled: 'default',
  open: 'blue',
  done: 'green',
  settled: 'green',
  escalated: 'gold',
  closed: 'default',
};

/** A matter's (or task's) state, coloured by what it means for the reader. */
export function StatusTag({ status, label }: { status: string; label?: string | null }) {
  return (
    <Tag color={COLORS[status] ?? 'default'} className="xt-status-tag">
      {label ?? status}
    </Tag>
  );
}

export const TASK_STATUS_LABELS: Record<string, string> = { open: '办理中', done: '已办结', cancelled: '已撤销' };
export const CONSULTATION_STATUS_LABELS: Record<string, string> = { open: '征求中', settled: '已协商一致', escalated: '已报领导定夺', closed: '已结束' };
