import { Tag, Timeline, Typography } from 'antd';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import type { HistoryEntry } from '../../../lib/types';
import { actionLabel, stateLabel } from '../labels';

/** 办理记录: every step on the matter, oldest first. */
export function HistoryTab({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <EmptyState description="暂无办理记录" />;
  const items = [...history].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      items={items.map((h) => ({
        key: h.seq,
        color: h.toState === 'cancelled' ? 'gray' : h.toState === 'completed' ? 'green' : 'blue',
        title: <ChineseDate value={h.at} time />,
        content: (
          <div>
            <Typography.Text strong>{h.actorName ?? '系统'}</Typography.Text> <span>{actionLabel(h.action)}</span>
            {h.fromState !== h.toState && h.toState && (
              <span style={{ marginLeft: 8 }}>
                {h.fromState && <Tag>{stateLabel(h.fromState)}</Tag>}→ <Tag color="blue">{stateLabel(h.toState)}</Tag>
              </span>
            )}
            {h.detail && <div className="xt-pre" style={{ color: 'rgba(0,0,0,.65)', marginTop: 2 }}>{h.detail}</div>}
          </div>
        ),
      }))}
    />
  );
}
