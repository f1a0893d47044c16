/**
 * Leader activities (领导公务活动, ACT-1…ACT-8): the pure types shared by the rules, the
 * recommendation, conflict detection and reminder scheduling. No I/O here.
 */

export const ACTIVITY_CATEGORIES = ['会议', '庆典', '表彰', '宴会', '晚会', '视察调研', '涉外活动', '群众性集会', '文艺体育活动', '纪念活动', '其他'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

/**
 * In whose name the activity is held: the Party committee's, the government's, both jointly
 * (以党委、政府名义, common for a city's major meetings), or a department's or unit's.
 */
export const HELD_IN_NAME = ['party', 'government', 'party_and_government', 'other'] as const;
export type HeldInName = (typeof HELD_IN_NAME)[number];
export const HELD_IN_NAME_LABELS: Record<HeldInName, string> = {
  party: '以党委名义',
  government: '以政府名义',
  party_and_government: '以党委、政府名义',
  other: '其他（部门、单位名义）',
};
/**
 * The values that are "held in the Party committee's or government's name" (以党委、政府名义举办),
 * to which the quota and the 陪会 rule apply: each of them alone, and both together.
 */
export const IN_NAME_HELD: readonly HeldInName[] = ['party', 'government', 'party_and_government'];

/** The four exception flags of ACT-3 (灵活掌握). */
export const EXCEPTION_FLAGS = ['superiorLeaderAttends', 'unifiedCommemoration', 'advancesCentralWork', 'outstandingActivity'] as const;
export type ExceptionFlag = (typeof EXCEPTION_FLAGS)[number];

/** The exceptions set on an activity: the four flags of ACT-3, and the visiting superior leader's rank. */
export interface ActivityExceptions {
  /** a superior organ sends a leader of this organ's leader rank or higher */
  superiorLeaderAttends: boolean;
  /**
   * With `superiorLeaderAttends`: the visiting leader's rank on this organ's scale (a leader's
   * `rankOrder`, smaller is higher), i.e. "as high as our leaders of that rank". Absent or null:
   * this organ's own rank (its principal leader's), which is what the flag says at the least.
   */
  superiorLeaderRankOrder?: number | null;
  /** a commemoration arranged nationally, provincially or by the city */
  unifiedCommemoration: boolean;
  /** a professional meeting that strongly advances the central work */
  advancesCentralWork: boolean;
  /** an outstanding, high-impact business activity */
  outstandingActivity: boolean;
}
export const EXCEPTION_LABELS: Record<ExceptionFlag, string> = {
  superiorLeaderAttends: '上级主管部门派相当于本级领导级别以上的领导同志出席',
  unifiedCommemoration: '全国、省、市统一部署的纪念活动',
  advancesCentralWork: '对中心工作有重大推动作用的专业会议',
  outstandingActivity: '工作突出、影响较大的业务活动',
};

/** Why an ACT-3 exception makes a leader one of the relevant leaders to invite. */
export interface ExceptionRaise {
  flag: ExceptionFlag;
  /** the reason, in Chinese, as shown with the candidate and in the 拟办意见 */
  reason: string;
  /** whom the exception names: the visitor's rank, the principal leader, or the organiser's request */
  kind: 'rank' | 'principal' | 'requested';
}

/** The activity as the rules and the recommendation see it. */
export interface ActivityFacts {
  id: string;
  /** the activity's title, used in the proposal text (拟办意见) and conflict reasons; optional */
  title?: string;
  category: ActivityCategory;
  heldInName: HeldInName;
  /** the organiser's department of this organ, if any */
  organiserDepartmentId: string | null;
  /** free-text area of work (e.g. 教育, 安全生产), matched against leaders' 分管 areas */
  area: string | null;
  startsAt: string; // ISO instant
  endsAt: string; // ISO instant
  /** one-way travel time in minutes */
  travelMinutes: number;
  requestedLeaderIds: string[];
  exceptions: ActivityExceptions;
}

export interface LeaderFacts {
  id: string;
  name: string;
  post: string;
  /** smaller is higher (e.g. 1 正厅级, 2 副厅级…) */
  rankOrder: number;
  precedence: number;
  line: 'first' | 'second';
  principal: boolean;
  /** 分管: areas (text) and departments */
  chargeAreas: string[];
  chargeDepartmentIds: string[];
}

/** Something already in a leader's calendar. */
export interface BusyPeriod {
  leaderId: string;
  kind: 'activity' | 'absence' | 'meeting';
  /** the matter or absence id */
  refId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** travel minutes around it (activities) */
  travelMinutes: number;
  /** for activities: whether it is still only proposed (weaker conflict) or approved/confirmed */
  firm: boolean;
  /** display facts for calendars (absent where a source has none) */
  leaderName?: string;
  place?: string | null;
  /** the matter's status (activities) or the absence's kind */
  status?: string;
  /** activities: assigned / confirmed by the leader, or only proposed awaiting approval */
  assignment?: 'assigned' | 'confirmed' | 'proposed';
  /** false when the viewer may not see the matter: its title is replaced and its place hidden */
  visible?: boolean;
}

/** Administrator-editable rule settings (ACT-2), stored as data. */
export interface ActivityRuleSettings {
  quota: { enabled: boolean; period: 'month' | 'quarter' | 'year'; max: number; warnRatio: number };
  onlyLeaderInCharge: { enabled: boolean };
  publicOccasions: { enabled: boolean; categories: ActivityCategory[]; maxFirstLine: number; preferSecondLine: boolean };
  exceptions: { enabled: boolean };
  reminders: { dayBeforeAt: string; marginMinutes: number; escalateAfterMinutes: number };
}

export type RuleLevel = 'ok' | 'info' | 'warning' | 'violation';

/** One rule's verdict, with the rule's name and the reason shown to the office. */
export interface RuleEvaluation {
  rule: 'quota' | 'onlyLeaderInCharge' | 'publicOccasions' | 'exceptions' | 'process';
  name: string;
  level: RuleLevel;
  message: string;
  /** leaders the finding is about (e.g. flagged as 陪会) */
  leaderIds: string[];
}

export interface Candidate {
  leaderId: string;
  name: string;
  post: string;
  score: number;
  available: boolean;
  /** why, in Chinese, one line each: 分管, rules, conflicts, travel, load */
  reasons: string[];
  conflicts: BusyPeriod[];
  /** activities attended in the load window */
  recentLoad: number;
  /** the leader's line (set by recommendLeaders; used by proposeAttendees) */
  line?: 'first' | 'second';
  /** whether the leader is in charge (分管) of the activity's area or organiser department */
  inCharge?: boolean;
  /** the ACT-3 exceptions that make this leader one of the "relevant leaders" to invite (raised in the ranking) */
  raisedBy?: ExceptionRaise[];
  /** when available is false: the main reason, e.g. 该时段请假/出差（赴省学习） */
  unavailableReason?: string;
}
