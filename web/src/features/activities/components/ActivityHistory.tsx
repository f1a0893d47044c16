import type { HistoryEntry } from '../../../lib/types';
import { HistoryTab, type HistoryLabels } from '../../matters/components/HistoryTab';
import { actionLabel } from '../../matters/labels';
import { ACTIVITY_ACTION_LABELS, ACTIVITY_STATE_COLORS, activityEventLabel, activityStateLabel } from '../labels';

const LABELS: HistoryLabels = {
  action(action) {
    if (ACTIVITY_ACTION_LABELS[action]) return ACTIVITY_ACTION_LABELS[action];
    const m = /^matter\.(\w+)$/.exec(action);
    return (m && activityEventLabel(m[1])) || actionLabel(action);
  },
  state: activityStateLabel,
  stateColor: (s) => ACTIVITY_STATE_COLORS[s] ?? 'blue',
};

/** 办理记录 of an activity, with the activity's own event and state names. */
export function ActivityHistory({ history }: { history: HistoryEntry[] }) {
  return <HistoryTab history={history} labels={LABELS} />;
}
