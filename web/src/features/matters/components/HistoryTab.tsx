import { Tag, Timeline, Typography } from 'antd';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import type { HistoryEntry } from '../../../lib/types';
import { actionLabel, describeDetail, stateLabel } from '../labels';

/** 办理记录: every step on the matter, oldest first. */
export function HistoryTab({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <EmptyState description="暂无办理记录" />;
  const items = [...history].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      className="xt-history"
      items={items.map((h) => {
        const detail = describeDetail(h.detail);
        return {
          key: h.seq,
          color: h.toState === 'cancelled' ? 'gray' : h.toState === 'completed' ? 'green' : 'blue',
          content: (
            <div>
              <div className="xt-history-head">
                <Typography.Text strong>{h.actorName ?? '系统'}</Typography.Text>
                <span>{actionLabel(h.action)}</span>
                {h.toState && h.fromState !== h.toState && (
                  <span>
                    {h.fromState && <Tag>{stateLabel(h.fromState)}</Tag>}→ <Tag color="blue">{stateLabel(h.toState)}</Tag>
                  </span>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <ChineseDate value={h.at} time />
                </Typography.Text>
              </div>
              {detail && <div className="xt-pre xt-history-detail">{detail}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
