import { Tag, Timeline, Typography } from 'antd';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import type { HistoryEntry } from '../../../lib/types';
import { actionLabel, describeDetail } from '../../matters/labels';
import { ACTIVITY_ACTION_LABELS, ACTIVITY_STATE_COLORS, activityEventLabel, activityStateLabel } from '../labels';

function label(action: string): string {
  if (ACTIVITY_ACTION_LABELS[action]) return ACTIVITY_ACTION_LABELS[action];
  const m = /^matter\.(\w+)$/.exec(action);
  return (m && activityEventLabel(m[1])) || actionLabel(action);
}

/** 办理记录 of an activity, oldest first, with the activity's own state names. */
export function ActivityHistory({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <EmptyState description="暂无办理记录" />;
  const items = [...history].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      className="xt-history"
      items={items.map((h) => {
        const detail = describeDetail(h.detail);
        return {
          key: h.seq,
          color: h.toState === 'cancelled' || h.toState === 'declined' ? 'gray' : h.toState === 'completed' || h.toState === 'confirmed' ? 'green' : 'blue',
          content: (
            <div>
              <div className="xt-history-head">
                <Typography.Text strong>{h.actorName ?? '系统'}</Typography.Text>
                <span>{label(h.action)}</span>
                {h.toState && h.fromState !== h.toState && (
                  <span>
                    {h.fromState && <Tag>{activityStateLabel(h.fromState)}</Tag>}→ <Tag color={ACTIVITY_STATE_COLORS[h.toState] ?? 'blue'}>{activityStateLabel(h.toState)}</Tag>
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
