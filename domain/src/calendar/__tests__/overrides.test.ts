import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildCalendar,
  dayInfo,
  deadlineWarning,
  hasStatutoryData,
  isWorkingDay,
  missingYears,
  statutoryYears,
  yearStatus,
  type CalendarEntry,
} from '../workdays';

const notice2027: CalendarEntry[] = [
  // 元旦 1–3 January 2027 (Friday–Sunday), 春节 from 6 February, a 调休 Saturday
  ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, working: false, kind: 'notice' as const, name: '元旦' })),
  ...['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({
    date,
    working: false,
    kind: 'notice' as const,
    name: '春节',
  })),
  { date: '2027-02-13', working: true, kind: 'notice', name: '春节' },
];

describe('K-8 the holiday calendar: statutory data, missing years, administrator entries', () => {
  it('K-8 detects the years the statutory data covers and that 2027 is missing', () => {
    expect(hasStatutoryData(2026)).toBe(true);
    expect(hasStatutoryData(2027)).toBe(false);
    const years = statutoryYears();
    expect(years).toContain(2026);
    expect(years).not.toContain(2027);
    expect(yearStatus(2026)).toBe('statutory');
    expect(yearStatus(2027)).toBe('missing');
    // Without data 1 January 2027 (a Friday) counts as an ordinary working day.
    expect(isWorkingDay('2027-01-01')).toBe(true);
    expect(dayInfo('2027-01-01').source).toBe('missing');
    expect(dayInfo('2026-10-05').source).toBe('statutory');
  });

  it('K-8 warns on a deadline that falls in or passes through a missing year, until its notice is entered', () => {
    expect(deadlineWarning('2026-12-10')).toBeNull();
    expect(deadlineWarning('2027-01-05')).toBe('2027年的法定节假日尚未录入，期限按普通工作日计算，请核对');
    expect(deadlineWarning('2027-01-05', new Map(), '2026-12-28')).toContain('2027年');
    // counted from 2026 through 2027 into 2028: both missing years are named
    expect(deadlineWarning('2028-01-10', new Map(), '2026-12-01')).toBe('2027、2028年的法定节假日尚未录入，期限按普通工作日计算，请核对');
    expect(missingYears('2026-01-01', '2028-06-30')).toEqual([2027, 2028]);
    // A single override in 2027 does not make the year known; saving the year's notice does.
    const oneDay = buildCalendar([{ date: '2027-01-04', working: false, kind: 'override', name: '防汛' }]);
    expect(deadlineWarning('2027-01-05', oneDay)).not.toBeNull();
    const entered = buildCalendar(notice2027, [2027]);
    expect(yearStatus(2027, entered)).toBe('entered');
    expect(deadlineWarning('2027-01-05', entered, '2026-12-28')).toBeNull();
    expect(deadlineWarning('2028-01-10', entered, '2026-12-01')).toBe('2028年的法定节假日尚未录入，期限按普通工作日计算，请核对');
  });

  it('K-8 counts deadlines on the entered notice, labels its days, and lets a single override win over it', () => {
    const entered = buildCalendar(notice2027, [2027]);
    // Given on Thursday 31 December 2026, 1 working day: 1–3 January are holidays → Monday 4 January.
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addWorkingDays('2026-12-31', 1, entered)).toBe('2027-01-04');
    expect(dayInfo('2027-01-01', entered)).toMatchObject({ working: false, label: '法定节假日', holidayName: '元旦', source: 'notice' });
    expect(dayInfo('2027-02-13', entered)).toMatchObject({ working: true, label: '调休上班', holidayName: '春节', source: 'notice' });
    // an ordinary day of an entered year comes from the notice too (nothing listed = an ordinary day)
    expect(dayInfo('2027-03-03', entered)).toMatchObject({ working: true, label: '工作日', source: 'notice' });

    const withOverride = buildCalendar(
      [
        ...notice2027,
        { date: '2027-01-04', working: false, kind: 'override', name: '台风停工' },
        { date: '2027-01-02', working: true, kind: 'override', name: '集中办公' },
      ],
      [2027],
    );
    expect(addWorkingDays('2026-12-31', 1, withOverride)).toBe('2027-01-02');
    expect(addWorkingDays('2026-12-31', 2, withOverride)).toBe('2027-01-05');
    expect(dayInfo('2027-01-02', withOverride)).toMatchObject({ working: true, label: '工作日（管理员设定）', source: 'override' });
    // the order of the entries does not matter: the override wins either way
    const reversed = buildCalendar([{ date: '2027-01-02', working: true, kind: 'override', name: '集中办公' }, ...notice2027], [2027]);
    expect(isWorkingDay('2027-01-02', reversed)).toBe(true);
  });

  it('K-8 an override wins over the statutory calendar and says so', () => {
    const cal = buildCalendar([{ date: '2026-10-10', working: false, kind: 'override', name: '调整' }]);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(isWorkingDay('2026-10-10', cal)).toBe(false);
    expect(dayInfo('2026-10-10', cal)).toMatchObject({ label: '休息日（管理员设定）', source: 'override' });
    // a plain Map (no entry details) still works as overrides
    expect(dayInfo('2026-10-10', new Map([['2026-10-10', false]])).source).toBe('override');
  });
});
