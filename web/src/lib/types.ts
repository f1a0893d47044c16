import type { z } from 'zod';
import type * as A from '@xietiao/domain/api/index';

/** Types of the API, inferred from the shared zod schemas in domain/src/api. */
export type Me = z.infer<typeof A.Me>;
export type MatterSummary = z.infer<typeof A.MatterSummary>;
export type MatterDetail = z.infer<typeof A.MatterDetail>;
export type Task = z.infer<typeof A.Task>;
export type Consultation = z.infer<typeof A.Consultation>;
export type Round = z.infer<typeof A.Round>;
export type Position = z.infer<typeof A.Position>;
export type Instruction = z.infer<typeof A.Instruction>;
export type Link = z.infer<typeof A.Link>;
export type HistoryEntry = z.infer<typeof A.HistoryEntry>;
export type AllowedEvent = z.infer<typeof A.AllowedEvent>;
export type Attachment = z.infer<typeof A.Attachment>;
export type ReadItem = z.infer<typeof A.ReadItem>;
export type Notification = z.infer<typeof A.Notification>;
export type InboxCounts = z.infer<typeof A.InboxCounts>;
export type Organ = z.infer<typeof A.Organ>;
export type OrganRelation = z.infer<typeof A.OrganRelation>;
export type Department = z.infer<typeof A.Department>;
export type Person = z.infer<typeof A.Person>;
export type LeaderProfile = z.infer<typeof A.LeaderProfile>;
export type Absence = z.infer<typeof A.Absence>;
export type AuditEvent = z.infer<typeof A.AuditEvent>;
export type AuditVerifyResult = z.infer<typeof A.AuditVerifyResult>;

export type CreateMatterBody = z.input<typeof A.CreateMatterBody>;
export type CreateTaskBody = z.input<typeof A.CreateTaskBody>;
export type CreateConsultationBody = z.input<typeof A.CreateConsultationBody>;
export type RespondBody = z.input<typeof A.RespondBody>;
export type SettleConsultationBody = z.input<typeof A.SettleConsultationBody>;
export type NewRoundBody = z.input<typeof A.NewRoundBody>;
export type CreateInstructionBody = z.input<typeof A.CreateInstructionBody>;
export type CreateLinkBody = z.input<typeof A.CreateLinkBody>;
export type ShareBody = z.input<typeof A.ShareBody>;
export type AttachmentUpload = z.input<typeof A.AttachmentUpload>;
export type OrganInput = z.input<typeof A.OrganInput>;
export type DepartmentInput = z.input<typeof A.DepartmentInput>;
export type PersonInput = z.input<typeof A.PersonInput>;
export type PersonPatch = z.input<typeof A.PersonPatch>;
export type LeaderInput = z.input<typeof A.LeaderInput>;
export type AbsenceInput = z.input<typeof A.AbsenceInput>;

export interface Page<T> {
  items: T[];
  total: number;
  /** a history list counted up to its cap: there are more than `total` */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}
export interface Items<T> {
  items: T[];
}

/**
 * One lifecycle as GET /lifecycles returns it. The server sends arrays
 * (`states: [{state,label,terminal}]`, `events: [{event,label,from,to,by,guards}]`); the records of
 * the domain's `Lifecycle` are accepted too. There is no zod schema for it in domain/src/api.
 */
export interface LifecycleState {
  state: string;
  label: string;
  terminal?: boolean;
}
export interface LifecycleEvent {
  event: string;
  label: string;
  from: string[];
  to: string;
  by: string[];
  guards?: string[];
  needsComment?: boolean;
}
export interface LifecycleInfo {
  kind: string;
  label: string;
  initial: string;
  states: LifecycleState[] | Record<string, Omit<LifecycleState, 'state'>>;
  events: LifecycleEvent[] | Record<string, Omit<LifecycleEvent, 'event'>>;
  mermaid?: string;
}
