/** The only SQL for `step_groups`, `steps` and `step_participants` (K-3). */
import type { Conn } from '../platform/db/database';
import type { StepGroupsTable, StepParticipantsTable, StepsTable } from '../platform/db/schema';

export type StepGroupRow = StepGroupsTable;
export type StepRow = StepsTable;
export type ParticipantRow = StepParticipantsTable;

function participantSelect(db: Conn) {
  return db
    .selectFrom('step_participants')
    .leftJoin('users as pu', (j) => j.onRef('pu.id', '=', 'step_participants.party_id').on('step_participants.party_type', '=', 'user'))
    .leftJoin('departments as pd', (j) => j.onRef('pd.id', '=', 'step_participants.party_id').on('step_participants.party_type', '=', 'department'))
    .leftJoin('organs as po', (j) => j.onRef('po.id', '=', 'step_participants.party_id').on('step_participants.party_type', '=', 'organ'))
    .leftJoin('users as rb', 'rb.id', 'step_participants.responded_by')
    .leftJoin('tasks as pt', 'pt.id', 'step_participants.task_id')
    .selectAll('step_participants')
    .select([
      'pu.name as party_user_name',
      'pd.name as party_department_name',
      'po.name as party_organ_name',
      'rb.name as responded_by_name',
      'pt.due_date as task_due_date',
      'pt.status as task_status',
    ]);
}
export type ParticipantView = Awaited<ReturnType<ReturnType<typeof participantSelect>['execute']>>[number];
export const partyName = (p: ParticipantView) => p.party_user_name ?? p.party_department_name ?? p.party_organ_name ?? p.party_id;

function stepSelect(db: Conn) {
  return db.selectFrom('steps').leftJoin('users as cb', 'cb.id', 'steps.created_by').selectAll('steps').select('cb.name as created_by_name');
}
export type StepView = Awaited<ReturnType<ReturnType<typeof stepSelect>['execute']>>[number];

export function createStepsRepo(db: Conn) {
  return {
    // ── groups ──
    async insertGroup(row: StepGroupRow) {
      await db.insertInto('step_groups').values(row).execute();
    },
    async groupById(id: string) {
      return db.selectFrom('step_groups').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async groupsOfMatter(matterId: string, type: StepGroupRow['type']) {
      return db.selectFrom('step_groups').selectAll().where('matter_id', '=', matterId).where('type', '=', type).orderBy('created_at').orderBy('id').execute();
    },
    /** Compare-and-set on an open group's version; false when it moved on or is no longer open. */
    async casGroup(id: string, version: number, patch: Partial<Pick<StepGroupRow, 'status' | 'outcome' | 'closed_at'>> = {}) {
      const res = await db
        .updateTable('step_groups')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    /** A round of the group changed: the group's version moves on too. */
    async touchGroup(id: string) {
      await db
        .updateTable('step_groups')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },

    // ── steps ──
    async insertStep(row: StepRow) {
      await db.insertInto('steps').values(row).execute();
    },
    async stepById(id: string) {
      return stepSelect(db).where('steps.id', '=', id).executeTakeFirst();
    },
    async stepsOfMatter(matterId: string) {
      return stepSelect(db).where('steps.matter_id', '=', matterId).orderBy('steps.created_at').orderBy('steps.id').execute();
    },
    async stepsOfGroups(groupIds: string[]) {
      if (!groupIds.length) return [];
      return stepSelect(db).where('steps.group_id', 'in', groupIds).orderBy('steps.round_no').execute();
    },
    async latestOfGroup(groupId: string) {
      return stepSelect(db).where('steps.group_id', '=', groupId).orderBy('steps.round_no', 'desc').limit(1).executeTakeFirst();
    },
    /**
     * Take the step for a change: bump its version while it is open — compare-and-set when the
     * caller saw a version. The update also takes the row lock on PostgreSQL, so whatever the
     * caller reads next is what the previous writer committed: two changes of one step never
     * interleave. False: the step is not open, or (with `expected`) it moved on.
     */
    async lockStep(id: string, expected?: number) {
      let q = db
        .updateTable('steps')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('status', '=', 'open');
      if (expected !== undefined) q = q.where('version', '=', expected);
      const res = await q.executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async finishStep(id: string, status: Exclude<StepRow['status'], 'open'>, outcome: string | null, now: string) {
      await db.updateTable('steps').set({ status, outcome, closed_at: now }).where('id', '=', id).where('status', '=', 'open').execute();
    },
    async setStepDue(id: string, dueDate: string) {
      await db.updateTable('steps').set({ due_date: dueDate }).where('id', '=', id).execute();
    },

    // ── participants ──
    async insertParticipant(row: ParticipantRow) {
      await db.insertInto('step_participants').values(row).execute();
    },
    async participants(stepId: string) {
      return participantSelect(db).where('step_participants.step_id', '=', stepId).orderBy('step_participants.seq').orderBy('step_participants.id').execute();
    },
    async participantsOfSteps(stepIds: string[]) {
      if (!stepIds.length) return [];
      return participantSelect(db).where('step_participants.step_id', 'in', stepIds).orderBy('step_participants.seq').orderBy('step_participants.id').execute();
    },
    /** Compare-and-set on a participant's version (and its state, when given). */
    async updateParticipant(
      id: string,
      version: number,
      patch: Partial<Omit<ParticipantRow, 'id' | 'step_id' | 'version'>>,
      fromState?: ParticipantRow['state'],
    ) {
      let q = db
        .updateTable('step_participants')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version);
      if (fromState) q = q.where('state', '=', fromState);
      const res = await q.executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    /** Make room at `seq`: everyone from there on moves one place back. */
    async shiftSeq(stepId: string, fromSeq: number) {
      await db
        .updateTable('step_participants')
        .set((eb) => ({ seq: eb('seq', '+', 1) }))
        .where('step_id', '=', stepId)
        .where('seq', '>=', fromSeq)
        .execute();
    },

    // ── parties ──
    /** An outside organ: active and not the office's own organ. */
    async outsideOrgan(id: string) {
      return db.selectFrom('organs').select(['id', 'name']).where('id', '=', id).where('active', '=', 1).where('is_self', '=', 0).executeTakeFirst();
    },

    /**
     * The open consultation-like groups of a matter whose latest round has a dissent or a party
     * that has not answered (the 'no-open-disagreement' guard).
     */
    async openDisagreementCount(matterId: string, types: StepRow['type'][], dissent: string[]) {
      if (!types.length) return 0;
      const r = await db
        .selectFrom('step_groups as g')
        .innerJoin('steps as s', (j) => j.onRef('s.group_id', '=', 'g.id'))
        .innerJoin('step_participants as p', 'p.step_id', 's.id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('g.matter_id', '=', matterId)
        .where('g.status', '=', 'open')
        .where('g.type', 'in', types)
        .where((eb) =>
          eb(
            's.round_no',
            '=',
            eb
              .selectFrom('steps as l')
              .select((x) => x.fn.max('l.round_no').as('m'))
              .whereRef('l.group_id', '=', 'g.id'),
          ),
        )
        .where((eb) =>
          eb.or([
            eb('p.state', 'in', ['pending', 'active']),
            eb.and([eb('p.state', '=', 'responded'), eb('p.response', 'in', dissent.length ? dissent : [''])]),
          ]),
        )
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
export type StepsRepo = ReturnType<typeof createStepsRepo>;
