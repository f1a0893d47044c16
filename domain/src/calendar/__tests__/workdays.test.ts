import { describe, expect, it } from 'vitest';
import { addWorkingDays, dayInfo, isWorkingDay, previousWorkingDay, workingDaysBetween, chinaDate, chinaTime } from '../workdays';

describe('working days on the statutory calendar', () => {
  it('X-2 counts a 3-working-day deadline across the 2026 National Day holiday (10月1日–7日 off)', () => {
    // Given on Wednesday 30 September: 1–7 October are holidays, 8 and 9 October are working days,
    // Saturday 10 October is an adjusted working day (调休上班).
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('X-2 treats the adjusted working Saturday as a working day and the holiday weekdays as days off', () => {
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(dayInfo('2026-10-10').label).toBe('调休上班');
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) expect(isWorkingDay(d)).toBe(false);
    expect(dayInfo('2026-10-05').label).toBe('法定节假日');
    expect(dayInfo('2026-10-05').holidayName).toBe('国庆节');
    expect(isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
    expect(dayInfo('2026-10-11').label).toBe('周末');
  });

  it('X-2 counts working days between two dates and finds the previous working day', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    expect(workingDaysBetween('2026-10-12', '2026-09-30')).toBe(-4);
    expect(previousWorkingDay('2026-10-08')).toBe('2026-09-30');
    expect(previousWorkingDay('2026-10-12')).toBe('2026-10-10');
  });

  it('X-2 lets administrator overrides win over the statutory calendar', () => {
    const overrides = new Map([['2026-10-08', false]]);
    expect(addWorkingDays('2026-09-30', 1, overrides)).toBe('2026-10-09');
    expect(dayInfo('2026-10-08', overrides).label).toBe('休息日（管理员设定）');
  });

  it('X-2 gives deadline 0 as the same or next working day and rejects negative counts', () => {
    expect(addWorkingDays('2026-10-09', 0)).toBe('2026-10-09');
    expect(addWorkingDays('2026-10-03', 0)).toBe('2026-10-08');
    expect(() => addWorkingDays('2026-10-03', -1)).toThrow(RangeError);
  });

  it('X-2 converts between instants and China dates (UTC+8)', () => {
    expect(chinaDate(new Date('2026-10-07T16:30:00Z'))).toBe('2026-10-08');
    expect(chinaTime('2026-10-08', '09:00').toISOString()).toBe('2026-10-08T01:00:00.000Z');
  });
});
