/**
 * Leader activities (ACT-1…ACT-7), one module built on the kernel: an activity is a matter of kind
 * 'activity'. The use cases live in one file each — intake (create, update), decisions (propose,
 * decide, reopen, absences), attendance (confirm, remind), reads (detail, list, suggestion) —
 * and every command answers with the activity's detail as the actor now sees it.
 */
import type { api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import type { Kernel } from '../../kernel/kernel';
import type { MattersService } from '../../kernel/matters.service';
import { createActivityIntake } from './activities.intake';
import { createActivityDecisions } from './activities.decide';
import { createActivityAttendance } from './activities.attend';
import { createActivityReads } from './activities.read';
import type { Schedule } from '../schedule/schedule.service';

type Deps = Pick<AppContext, 'db' | 'clock' | 'calendar'>;
export { factsOf } from './activities.support';

export function createActivitiesService(deps: Deps, parts: { kernel: Kernel; matters: MattersService; schedule: Schedule }) {
  const intake = createActivityIntake(deps, parts);
  const decisions = createActivityDecisions(deps, parts);
  const attendance = createActivityAttendance(deps, parts);
  const reads = createActivityReads(deps, parts);
  const then = (actor: Actor, id: string) => reads.detail(actor, id);

  return {
    create: async (actor: Actor, body: z.infer<typeof api.ActivityRequestBody>) => then(actor, await intake.create(actor, body)),
    update: async (actor: Actor, id: string, body: z.infer<typeof api.ActivityPatchBody>) => {
      await intake.update(actor, id, body);
      return then(actor, id);
    },
    propose: async (actor: Actor, id: string, body: z.infer<typeof api.ProposeBody>) => {
      await decisions.propose(actor, id, body);
      return then(actor, id);
    },
    decide: async (actor: Actor, id: string, body: z.infer<typeof api.ApprovalBody>) => {
      await decisions.decide(actor, id, body);
      return then(actor, id);
    },
    reopen: async (actor: Actor, id: string, body: z.infer<typeof api.ReopenBody>) => {
      await decisions.reopen(actor, id, body);
      return then(actor, id);
    },
    confirm: async (actor: Actor, id: string, leaderId: string) => {
      await attendance.confirm(actor, id, leaderId);
      return then(actor, id);
    },
    remind: async (actor: Actor, id: string, state: 'reminded' | 'departed') => {
      await attendance.remind(actor, id, state);
      return then(actor, id);
    },
    onAbsenceCreated: decisions.onAbsenceCreated,
    detail: reads.detail,
    list: reads.list,
    suggestion: reads.suggestion,
  };
}
export type ActivitiesService = ReturnType<typeof createActivitiesService>;
