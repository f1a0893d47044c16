/**
 * The composition root: every service is built here, once, from the application context and the
 * services it depends on. No service constructs another; routes, seeds and the timer runner take
 * what they need from the container.
 */
import type { AppContext, AppHooks } from './platform/context';
import { noHooks } from './platform/context';
import { matterKinds } from './kinds';
import { createKernel } from './kernel/kernel';
import { createConsultationsService } from './kernel/consultations.service';
import { createMattersService } from './kernel/matters.service';
import { createTasksService } from './kernel/tasks.service';
import { createAttachmentsService } from './kernel/attachments.service';
import { createVersionsService } from './kernel/versions.service';
import { createNumberSeriesService } from './kernel/numbers.service';
import { createStepEngine } from './kernel/steps';
import { createStepsService } from './kernel/steps.service';
import { createActivitiesService } from './modules/activities/activities.service';
import { createCalendarService } from './modules/activities/calendar.service';
import { activityBusySource } from './modules/activities/activities.busy';
import { createOutgoingService } from './modules/outgoing/outgoing.service';
import { absenceBusySource } from './modules/org/absences.busy';
import { createSchedule } from './modules/schedule/schedule.service';
import { createAuthService } from './modules/auth/auth.service';
import { createInboxService } from './modules/inbox/inbox.service';
import { createCalendarCache, createHolidayCalendarService, type CalendarCache } from './modules/calendar/calendar.service';
import { createAbsencesService } from './modules/org/absences.service';
import { createDepartmentsService } from './modules/org/departments.service';
import { createLeadersService } from './modules/org/leaders.service';
import { createOrgansService } from './modules/org/organs.service';
import { createPeopleService } from './modules/org/people.service';

export type ContainerContext = Pick<AppContext, 'db' | 'clock' | 'calendar'> & {
  hooks?: AppHooks;
  /** the administrator's holiday calendar, cached (K-8); seeds and tools without one get a fresh cache */
  calendarCache?: CalendarCache;
};

export function createContainer(ctx: ContainerContext) {
  const hooks = ctx.hooks ?? noHooks();
  const auth = createAuthService(ctx);
  const inbox = createInboxService(ctx);
  const holidays = createHolidayCalendarService({ db: ctx.db, clock: ctx.clock, cache: ctx.calendarCache ?? createCalendarCache(ctx.db) });
  // The organisation (ORG-1…4): organs, departments, people and leaders, absences.
  const org = {
    organs: createOrgansService(ctx),
    departments: createDepartmentsService(ctx),
    people: createPeopleService(ctx),
    leaders: createLeadersService(ctx),
    absences: createAbsencesService({ ...ctx, hooks }),
  };
  const kernel = createKernel(ctx, matterKinds);
  const attachments = createAttachmentsService(ctx, { kernel });
  const versions = createVersionsService(ctx, { kernel, attachments });
  const numberSeries = createNumberSeriesService(ctx);
  const stepEngine = createStepEngine(ctx, kernel);
  const steps = createStepsService(ctx, { kernel, steps: stepEngine });
  const consultations = createConsultationsService(ctx, { kernel, steps: stepEngine });
  const matters = createMattersService(ctx, { kernel, consultations, attachments });
  const tasks = createTasksService(ctx, { kernel });
  // The one schedule of busy periods: each module contributes its source (meetings next).
  const schedule = createSchedule([activityBusySource, absenceBusySource]);
  const calendar = createCalendarService(ctx, { schedule });
  const activities = createActivitiesService(ctx, { kernel, matters, schedule });
  // Module events: a new absence re-opens the activities its leader was to attend (ACT-6).
  hooks.absenceCreated.push((tx, e) => activities.onAbsenceCreated(tx, e));
  const outgoing = createOutgoingService(ctx, { kernel });
  return {
    auth,
    inbox,
    holidays,
    org,
    kernel,
    attachments,
    versions,
    numberSeries,
    steps,
    consultations,
    matters,
    tasks,
    schedule,
    calendar,
    activities,
    outgoing,
    hooks,
  };
}
export type Container = ReturnType<typeof createContainer>;
