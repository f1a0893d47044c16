import { Tag } from 'antd';
import { ACTIVITY_STATE_COLORS, activityStateLabel } from '../labels';

export function ActivityStatusTag({ status, label }: { status: string; label?: string | null }) {
  return (
    <Tag color={ACTIVITY_STATE_COLORS[status] ?? 'default'} className="xt-status-tag">
      {label ?? activityStateLabel(status)}
    </Tag>
  );
}
