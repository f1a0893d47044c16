/** ACT-1: one entry point for every request that a leader attend, and corrections to it. */
import { type api, chinaDate } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { requireWorkflowUser } from '../../platform/auth/actor';
import { badRequest } from '../../platform/errors';
import { fromJson } from '../../platform/json';
import { runTx } from '../../platform/db/tx';
import type { Kernel } from '../../kernel/kernel';
import { createActivitiesRepo, type ActivityRow } from './activities.repo';
import { officeDepartmentId, scheduleReminders } from './activities.kind';
import { HOUR, loadOr404, requireDepartment, requireFuture, requireLeaders, storedExceptions } from './activities.support';

type Deps = Pick<AppContext, 'db' | 'clock'>;
const JSON_COLS = ['requested_leader_ids', 'exceptions', 'proposed_leader_ids'];

export function createActivityIntake({ db, clock }: Deps, { kernel }: { kernel: Kernel }) {
  /** Register a request; it lands in the office's 待办 for a proposal. Returns the activity's id. */
  async function create(actor: Actor, body: z.infer<typeof api.ActivityRequestBody>): Promise<string> {
    requireWorkflowUser(actor);
    requireFuture(clock, body.startsAt, 'body.startsAt');
    if (Date.parse(body.endsAt) - Date.parse(body.startsAt) > 7 * 24 * HOUR) throw badRequest('单次活动不超过7天，请核对结束时间', 'body.endsAt');
    return runTx(db, async (tx) => {
      await requireDepartment(tx, body.organiserDepartmentId, 'body.organiserDepartmentId');
      await requireLeaders(tx, body.requestedLeaderIds, 'body.requestedLeaderIds');
      const organiserDept = body.organiserDepartmentId ?? actor.departmentId;
      const id = await kernel.matters.register(tx, {
        kind: 'activity',
        title: body.title,
        status: 'submitted',
        by: actor.id,
        departmentId: organiserDept ?? null,
        dueDate: chinaDate(new Date(body.startsAt)),
        access: [
          { type: 'user', id: actor.id },
          { type: 'role', id: 'office' },
          ...(organiserDept ? [{ type: 'department' as const, id: organiserDept }] : []),
        ],
        auditAction: 'activity.requested',
        auditDetail: { category: body.category, startsAt: body.startsAt, place: body.place },
      });
      await createActivitiesRepo(tx).insert({
        matter_id: id,
        category: body.category,
        held_in_name: body.heldInName,
        organiser_name: body.organiserName,
        organiser_department_id: body.organiserDepartmentId ?? null,
        starts_at: new Date(body.startsAt).toISOString(),
        ends_at: new Date(body.endsAt).toISOString(),
        place: body.place,
        travel_minutes: body.travelMinutes,
        area: body.area ?? null,
        requested_leader_ids: body.requestedLeaderIds,
        exceptions: storedExceptions(body.exceptions),
        description: body.description ?? null,
        contact: body.contact ?? null,
        proposal: null,
        proposed_leader_ids: [],
        responsible_staff_id: null,
        reminder_state: 'none',
        reminded_at: null,
        departed_at: null,
      });
      const officeDept = await officeDepartmentId(tx);
      if (officeDept) {
        await kernel.tasks.open(tx, {
          matterId: id,
          kind: 'propose',
          title: `拟办领导出席：${body.title}`,
          assignee: { departmentId: officeDept },
          by: actor.id,
          notice: { kind: 'activity_request', title: `新的领导出席申请：${body.title}`, body: `${body.organiserName}；${body.place}` },
        });
      }
      return id;
    });
  }

  /** The office (or the organiser before it is handled) corrects the request. */
  async function update(actor: Actor, id: string, body: z.infer<typeof api.ActivityPatchBody>): Promise<void> {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m, a } = await loadOr404(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'edit');
      if (body.startsAt) requireFuture(clock, body.startsAt, 'body.startsAt');
      const startsAt = body.startsAt ? new Date(body.startsAt).toISOString() : a.starts_at;
      const endsAt = body.endsAt ? new Date(body.endsAt).toISOString() : a.ends_at;
      if (endsAt <= startsAt) throw badRequest('结束时间必须晚于开始时间', 'body.endsAt');
      if (Date.parse(endsAt) - Date.parse(startsAt) > 7 * 24 * HOUR) throw badRequest('单次活动不超过7天，请核对结束时间', 'body.endsAt');
      if (body.requestedLeaderIds) await requireLeaders(tx, body.requestedLeaderIds, 'body.requestedLeaderIds');
      await requireDepartment(tx, body.organiserDepartmentId, 'body.organiserDepartmentId');
      const patch: Partial<ActivityRow> = {
        ...(body.category ? { category: body.category } : {}),
        ...(body.heldInName ? { held_in_name: body.heldInName } : {}),
        ...(body.organiserName ? { organiser_name: body.organiserName } : {}),
        ...(body.organiserDepartmentId !== undefined ? { organiser_department_id: body.organiserDepartmentId } : {}),
        starts_at: startsAt,
        ends_at: endsAt,
        ...(body.place ? { place: body.place } : {}),
        ...(body.travelMinutes !== undefined ? { travel_minutes: body.travelMinutes } : {}),
        ...(body.area !== undefined ? { area: body.area } : {}),
        ...(body.requestedLeaderIds ? { requested_leader_ids: body.requestedLeaderIds } : {}),
        ...(body.exceptions ? { exceptions: storedExceptions(body.exceptions) } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.contact !== undefined ? { contact: body.contact } : {}),
      };
      const stored = (k: string) => {
        const v = (a as Record<string, unknown>)[k];
        return JSON_COLS.includes(k) ? fromJson(v, null) : v;
      };
      const after = Object.fromEntries(Object.entries(patch).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(stored(k))));
      const before = Object.fromEntries(Object.keys(after).map((k) => [k, stored(k)]));
      // The new organiser department follows its request.
      const newDept = body.organiserDepartmentId && body.organiserDepartmentId !== a.organiser_department_id ? body.organiserDepartmentId : undefined;
      await kernel.matters.edit(
        tx,
        actor.id,
        m,
        body.version,
        { title: body.title, department_id: newDept },
        { action: 'activity.updated', extra: { before, after } },
      );
      await createActivitiesRepo(tx).update(id, patch);
      if (newDept) await kernel.access.grant(tx, id, [{ type: 'department', id: newDept }]);
      if (['approved', 'confirmed'].includes(m.status) && (startsAt !== a.starts_at || body.travelMinutes !== undefined))
        await scheduleReminders(tx, clock, id);
    });
  }

  return { create, update };
}
