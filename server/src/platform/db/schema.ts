/**
 * Kysely table types. Portable across SQLite and PostgreSQL: ids are text made by the app,
 * timestamps ISO-8601 UTC text written by the app, booleans 0/1, enums text with CHECKs,
 * JSON through `json.ts` (text on SQLite, jsonb on PostgreSQL).
 */
import type { Generated } from 'kysely';

export type Bool01 = 0 | 1;
/** JSON column: a string on SQLite, already parsed on PostgreSQL; read it with `fromJson`. */
export type JsonCol = unknown;

export interface OrgansTable {
  id: string;
  name: string;
  short_name: string | null;
  kind: string;
  level: number;
  parent_id: string | null;
  is_self: Bool01;
  /** document number prefix, e.g. 某发 */
  doc_code: string | null;
  active: Bool01;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface OrganSuperiorsTable {
  organ_id: string;
  superior_id: string;
}

export interface DepartmentsTable {
  id: string;
  organ_id: string;
  name: string;
  short_name: string | null;
  functions: JsonCol;
  sort: number;
  active: Bool01;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  password_hash: string;
  organ_id: string;
  department_id: string | null;
  title: string | null;
  phone: string | null;
  active: Bool01;
  must_change_password: Bool01;
  /** a secret per user for the read-only calendar feed URL */
  feed_token: string;
  version: number;
  created_at: string;
  updated_at: string;
}
export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface LeadersTable {
  user_id: string;
  post: string;
  rank: string;
  rank_order: number;
  precedence: number;
  line: 'first' | 'second';
  principal: Bool01;
  secretary_id: string | null;
  version: number;
  updated_at: string;
}
export interface LeaderChargesTable {
  id: string;
  leader_id: string;
  area: string;
  department_id: string | null;
}

export interface AbsencesTable {
  id: string;
  user_id: string;
  kind: 'leave' | 'trip' | 'business' | 'blocked';
  starts_at: string;
  ends_at: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}
export interface LoginAttemptsTable {
  key: string;
  window_start: string;
  count: number;
  locked_until: string | null;
}

export interface MattersTable {
  id: string;
  kind: string;
  title: string;
  status: string;
  version: number;
  /** 非密 only; classified documents are refused (涉密不上网) */
  classification: string;
  restricted: Bool01;
  priority: string;
  owner_id: string | null;
  department_id: string | null;
  due_date: string | null;
  data: JsonCol;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}
export interface MatterAccessTable {
  matter_id: string;
  principal_type: 'user' | 'department' | 'role';
  principal_id: string;
}
export interface MatterLinksTable {
  id: string;
  from_id: string;
  to_id: string;
  kind: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface TasksTable {
  id: string;
  matter_id: string;
  kind: string;
  title: string;
  assignee_user_id: string | null;
  assignee_department_id: string | null;
  status: 'open' | 'done' | 'cancelled';
  due_date: string | null;
  result: string | null;
  created_by: string;
  created_at: string;
  completed_at: string | null;
  completed_by: string | null;
  version: number;
  /** the step (steps engine) this task belongs to, if any */
  step_id: string | null;
}

export interface TaskChasesTable {
  id: string;
  task_id: string;
  matter_id: string;
  /** null: the system's own reminder */
  chased_by: string | null;
  chased_at: string;
  note: string | null;
}

/** Successive rounds of one question (a consultation's rounds), with the series' conclusion (K-3). */
export interface StepGroupsTable {
  id: string;
  matter_id: string;
  type: 'consult' | 'countersign' | 'circulate' | 'handle' | 'approve';
  subject: string;
  status: 'open' | 'settled' | 'escalated' | 'closed';
  outcome: string | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
  version: number;
}
/** A step with participants (K-3): one round of 征求意见, 会签, 传阅, 承办 or 审批. */
export interface StepsTable {
  id: string;
  matter_id: string;
  group_id: string | null;
  round_no: number;
  type: 'consult' | 'countersign' | 'circulate' | 'handle' | 'approve';
  subject: string;
  question: string | null;
  order_mode: 'parallel' | 'sequential';
  completion: 'all' | 'any' | 'lead';
  status: 'open' | 'completed' | 'closed' | 'cancelled';
  /** outcome code of the step type (consensus, disagreement, read, done, approved…) */
  outcome: string | null;
  /** the content version (content_versions.version_no) the step asks about */
  content_version_no: number | null;
  due_working_days: number | null;
  due_date: string | null;
  created_by: string;
  created_at: string;
  closed_at: string | null;
  version: number;
}
export interface StepParticipantsTable {
  id: string;
  step_id: string;
  seq: number;
  party_type: 'user' | 'department' | 'organ';
  party_id: string;
  role: 'lead' | 'assistant' | 'member';
  state: 'pending' | 'active' | 'responded' | 'skipped' | 'removed' | 'closed';
  response: string | null;
  text: string | null;
  responded_by: string | null;
  responded_at: string | null;
  /** why the participant was skipped or removed */
  reason: string | null;
  task_id: string | null;
  version: number;
}

export interface InstructionsTable {
  id: string;
  matter_id: string;
  leader_id: string;
  kind: 'instruction' | 'approval' | 'decision';
  decision: 'approve' | 'change' | 'decline' | null;
  text: string;
  created_at: string;
}

export interface TimersTable {
  id: string;
  due_at: string;
  kind: string;
  matter_id: string | null;
  task_id: string | null;
  payload: JsonCol;
  state: 'pending' | 'fired' | 'cancelled';
  lease_until: string | null;
  attempts: number;
  fired_at: string | null;
  fired_by: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string | null;
  matter_id: string | null;
  /** the timer that produced it; unique, so a timer can never notify twice */
  timer_id: string | null;
  read_at: string | null;
  created_at: string;
}

/** 待阅: something a person is asked to read */
export interface ReadItemsTable {
  id: string;
  user_id: string;
  matter_id: string;
  note: string | null;
  created_by: string;
  created_at: string;
  read_at: string | null;
}

export interface AuditEventsTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  matter_id: string | null;
  from_state: string | null;
  to_state: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface ActivitiesTable {
  matter_id: string;
  category: string;
  /** CHECK widened by 0008 to take party_and_government (以党委、政府名义) */
  held_in_name: 'party' | 'government' | 'party_and_government' | 'other';
  organiser_name: string;
  organiser_department_id: string | null;
  starts_at: string;
  ends_at: string;
  place: string;
  travel_minutes: number;
  area: string | null;
  requested_leader_ids: JsonCol;
  exceptions: JsonCol;
  description: string | null;
  contact: string | null;
  proposal: string | null;
  proposed_leader_ids: JsonCol;
  responsible_staff_id: string | null;
  reminder_state: 'none' | 'reminded' | 'departed';
  reminded_at: string | null;
  departed_at: string | null;
}
export interface ActivityAssignmentsTable {
  id: string;
  activity_id: string;
  leader_id: string;
  status: 'assigned' | 'confirmed' | 'withdrawn';
  assigned_at: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
  note: string | null;
}
/** Administrator-edited settings (rules as data), one JSON value per key. */
export interface SettingsTable {
  key: string;
  value: JsonCol;
  version: number;
  updated_by: string | null;
  updated_at: string;
}
export interface AttachmentsTable {
  id: string;
  matter_id: string;
  filename: string;
  mime: string;
  size: number;
  content: Buffer;
  created_by: string;
  created_at: string;
  /** K-4: the content version the file belongs to (null: the matter's own) */
  content_version_id: string | null;
}
/** K-4: a matter's structured content, one immutable row per version (1, 2, 3… per matter). */
export interface ContentVersionsTable {
  id: string;
  matter_id: string;
  version_no: number;
  kind: string | null;
  content: JsonCol;
  author_id: string;
  created_at: string;
  reason: string;
}
/** K-5: a number series per organ, class, code (代字) and year; `next_value` is the next number to give. */
export interface NumberSeriesTable {
  id: string;
  organ_id: string;
  class: 'outgoing' | 'incoming' | 'supervision' | 'minutes';
  code: string;
  template: string;
  year: number;
  next_value: number;
  active: Bool01;
  version: number;
  created_at: string;
  updated_at: string;
}
/** K-5: every number given out; a voided one keeps its row (who, when, why) and is never given again. */
export interface AssignedNumbersTable {
  id: string;
  series_id: string;
  value: number;
  text: string;
  matter_id: string | null;
  assigned_at: string;
  assigned_by: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}
/** K-8: the administrator's calendar entries, the entered yearly notices, and the calendar's version. */
export interface CalendarOverridesTable {
  id: string;
  date: string;
  kind: 'notice' | 'override';
  working: Bool01;
  name: string | null;
  year: number;
  created_by: string;
  created_at: string;
}
export interface CalendarYearsTable {
  year: number;
  reference: string | null;
  notice: JsonCol;
  entered_by: string;
  entered_at: string;
}
export interface CalendarVersionTable {
  id: number;
  version: number;
  updated_at: string | null;
}

/** 发文 (0009): the document's own facts beside its matter */
export interface OutgoingDocumentsTable {
  matter_id: string;
  doc_type: string;
  secrecy: 'none' | '秘密' | '机密' | '绝密';
  urgency: 'none' | '加急' | '特急';
  leader_ids: unknown;
}
/** 发文 (0009): a leader's 交代, given on a date in some way, recorded by the leader or the office */
export interface OutgoingInstructionsTable {
  id: string;
  matter_id: string;
  leader_id: string;
  text: string;
  given_on: string;
  channel: 'written' | 'in_person' | 'phone';
  recorded_by: string;
  created_at: string;
}

export interface DB {
  organs: OrgansTable;
  organ_superiors: OrganSuperiorsTable;
  departments: DepartmentsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  leaders: LeadersTable;
  leader_charges: LeaderChargesTable;
  absences: AbsencesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  matters: MattersTable;
  matter_access: MatterAccessTable;
  matter_links: MatterLinksTable;
  tasks: TasksTable;
  task_chases: TaskChasesTable;
  step_groups: StepGroupsTable;
  steps: StepsTable;
  step_participants: StepParticipantsTable;
  instructions: InstructionsTable;
  timers: TimersTable;
  notifications: NotificationsTable;
  read_items: ReadItemsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  counters: CountersTable;
  activities: ActivitiesTable;
  activity_assignments: ActivityAssignmentsTable;
  outgoing_documents: OutgoingDocumentsTable;
  outgoing_instructions: OutgoingInstructionsTable;
  settings: SettingsTable;
  attachments: AttachmentsTable;
  content_versions: ContentVersionsTable;
  number_series: NumberSeriesTable;
  assigned_numbers: AssignedNumbersTable;
  calendar_overrides: CalendarOverridesTable;
  calendar_years: CalendarYearsTable;
  calendar_version: CalendarVersionTable;
}

export type { Generated };
