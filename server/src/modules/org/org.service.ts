/**
 * The organisation module's service: organs (ORG-1), departments (ORG-2), people and leaders
 * (ORG-3), absences (ORG-4). Each use-case group lives in its own file; other modules reach the
 * organisation only through this factory.
 */
import type { AppContext } from '../../platform/context';
import { createAbsencesService } from './absences.service';
import { createDepartmentsService } from './departments.service';
import { createLeadersService } from './leaders.service';
import { createOrgansService } from './organs.service';
import { createPeopleService } from './people.service';

export function createOrgService(ctx: Pick<AppContext, 'db' | 'clock'> & Partial<Pick<AppContext, 'hooks'>>) {
  return {
    organs: createOrgansService(ctx),
    departments: createDepartmentsService(ctx),
    people: createPeopleService(ctx),
    leaders: createLeadersService(ctx),
    absences: createAbsencesService(ctx),
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
