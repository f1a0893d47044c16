import { Tag, Timeline, Typography } from 'antd';
import { auditActionLabel, auditDetailFields, auditStateKind, stateLabel } from '@xietiao/domain/labels/index';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import type { HistoryEntry, MatterDetail } from '../../../lib/types';
import { DetailFields } from './DetailFields';

const dotColor = (to: string | null) => (to === 'cancelled' || to === 'declined' ? 'gray' : to === 'completed' || to === 'confirmed' ? 'green' : 'blue');

/**
 * The names the matter's detail already carries (its access list, tasks' assignees), so the ids in
 * the history show as people and departments. A kind may add its own (an activity's leaders).
 */
export function historyNames(m: Pick<MatterDetail, 'access' | 'tasks'>, extra: Record<string, string | null | undefined> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of m.access) if (a.type !== 'role') out[a.id] = a.name;
  for (const t of m.tasks) {
    if (t.assigneeUserId && t.assigneeUserName) out[t.assigneeUserId] = t.assigneeUserName;
    if (t.assigneeDepartmentId && t.assigneeDepartmentName) out[t.assigneeDepartmentId] = t.assigneeDepartmentName;
  }
  for (const [id, name] of Object.entries(extra)) if (name) out[id] = name;
  return out;
}

export interface HistoryTabProps {
  history: HistoryEntry[];
  /** the matter's kind: its events and states name the entries */
  kind: string;
  /** id → name for the ids the entries hold (historyNames) */
  names?: Record<string, string>;
  /** tag colour of a state reached */
  stateColor?(state: string): string;
}

/**
 * 办理记录: every step on a matter, oldest first — who, what (the action's Chinese name),
 * the state change, when (China time), and the row's facts as a labelled field list.
 */
export function HistoryTab({ history, kind, names, stateColor }: HistoryTabProps) {
  if (history.length === 0) return <EmptyState description="暂无办理记录" />;
  const items = [...history].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline
      className="xt-history"
      items={items.map((h) => {
        const states = auditStateKind({ action: h.action, matterKind: kind });
        const fields = auditDetailFields(h.detail, { action: h.action, names, internal: false, omitEmpty: true }).filter((f) => f.change !== 'unchanged');
        return {
          key: h.seq,
          color: dotColor(h.toState),
          content: (
            <div>
              <div className="xt-history-head">
                <Typography.Text strong>{h.actorName ?? '系统'}</Typography.Text>
                <span>{auditActionLabel(h.action, kind)}</span>
                {h.toState && h.fromState !== h.toState && (
                  <span>
                    {h.fromState && <Tag>{stateLabel(states, h.fromState)}</Tag>}→{' '}
                    <Tag color={(states === kind && stateColor?.(h.toState)) || 'blue'}>{stateLabel(states, h.toState)}</Tag>
                  </span>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <ChineseDate value={h.at} time />
                </Typography.Text>
              </div>
              <DetailFields fields={fields} compact />
            </div>
          ),
        };
      })}
    />
  );
}
