import type { ActivityDetail } from '../api';
import { HistoryTab, historyNames } from '../../matters/components/HistoryTab';
import { ACTIVITY_STATE_COLORS } from '../labels';

/** 办理记录 of an activity: the activity's own event and state names, its leaders by name. */
export function ActivityHistory({ activity: a }: { activity: ActivityDetail }) {
  const names: Record<string, string | null> = {
    ...Object.fromEntries([...a.activity.requestedLeaders, ...a.activity.proposedLeaders].map((l) => [l.id, l.name])),
    ...Object.fromEntries(a.assignments.map((l) => [l.leaderId, l.leaderName])),
    ...(a.activity.responsibleStaffId ? { [a.activity.responsibleStaffId]: a.activity.responsibleStaffName } : {}),
    ...(a.activity.organiserDepartmentId ? { [a.activity.organiserDepartmentId]: a.activity.organiserDepartmentName } : {}),
  };
  return <HistoryTab history={a.history} kind={a.kind} names={historyNames(a, names)} stateColor={(s) => ACTIVITY_STATE_COLORS[s] ?? 'blue'} />;
}
