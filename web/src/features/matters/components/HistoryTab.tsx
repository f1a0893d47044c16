import { Tag, Timeline, Typography } from 'antd';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import type { HistoryEntry } from '../../../lib/types';
import { actionLabel, describeDetail, stateLabel } from '../labels';

export interface HistoryLabels {
  action(action: string): string;
  state(state: string): string;
  /** tag colour of a state reached */
  stateColor?(state: string): string;
}

const MATTER_LABELS: HistoryLabels = { action: actionLabel, state: stateLabel };
const dotColor = (to: string | null) => (to === 'cancelled' || to === 'declined' ? 'gray' : to === 'completed' || to === 'confirmed' ? 'green' : 'blue');

/** 办理记录: every step on a matter, oldest first; a matter kind may bring its own labels. */
export function HistoryTab({ history, labels = MATTER_LABELS }: { history: HistoryEntry[]; labels?: HistoryLabels }) {
  if (history.length === 0) return <EmptyState description="暂无办理记录" />;
  const items = [...history].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      className="xt-history"
      items={items.map((h) => {
        const detail = describeDetail(h.detail);
        return {
          key: h.seq,
          color: dotColor(h.toState),
          content: (
            <div>
              <div className="xt-history-head">
                <Typography.Text strong>{h.actorName ?? '系统'}</Typography.Text>
                <span>{labels.action(h.action)}</span>
                {h.toState && h.fromState !== h.toState && (
                  <span>
                    {h.fromState && <Tag>{labels.state(h.fromState)}</Tag>}→{' '}
                    <Tag color={labels.stateColor?.(h.toState) ?? 'blue'}>{labels.state(h.toState)}</Tag>
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
