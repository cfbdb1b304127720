import { describe, expect, it } from 'vitest';
import { addWorkingTime, calendarProblems } from '../../src/routing/calendar.js';
import { deadlinesFor } from '../../src/routing/deadlines.js';
import { submitReport } from '../../src/routing/submit.js';
import type { BusinessCalendar } from '../../src/routing/types.js';
import { validateDepartment } from '../../src/routing/validate-department.js';
import { sampleConfig, sampleDirectory } from '../support/samples.js';

/** Olivette, Missouri: Central time, Monday to Friday 08:00–17:00, the Fourth of July and Labor Day off. */
const CENTRAL: BusinessCalendar = {
  timeZone: 'America/Chicago',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hours: { start: '08:00', end: '17:00' },
  holidays: ['2025-07-04', '2025-09-01'],
};

const add = (start: string, hours: number, calendar: BusinessCalendar | null = CENTRAL) => addWorkingTime(new Date(start), hours, calendar ?? undefined).toISOString();

describe('SLA hours without a calendar', () => {
  it('every hour counts, nights and weekends included', () => {
    expect(add('2025-06-06T21:00:00Z', 24, null)).toBe('2025-06-07T21:00:00.000Z');
  });
});

describe('SLA hours on a business-hours calendar', () => {
  it('within one working day, the hours simply add up', () => {
    // Monday 09:00 CDT (14:00Z) + 4 h = 13:00 CDT
    expect(add('2025-06-02T14:00:00Z', 4)).toBe('2025-06-02T18:00:00.000Z');
  });

  it('a report filed on Friday afternoon is due on Monday: the weekend does not count', () => {
    // Friday 15:00 CDT: 2 h left that day, 6 h on Monday from 08:00 → Monday 14:00 CDT
    expect(add('2025-06-06T20:00:00Z', 8)).toBe('2025-06-09T19:00:00.000Z');
  });

  it('filed at night or on a weekend, the clock starts when the office opens', () => {
    expect(add('2025-06-07T15:00:00Z', 2)).toBe('2025-06-09T15:00:00.000Z'); // Saturday → Monday 10:00 CDT
    expect(add('2025-06-03T03:00:00Z', 1)).toBe('2025-06-03T14:00:00.000Z'); // Monday 22:00 CDT → Tuesday 09:00
  });

  it('a holiday is skipped like a weekend day: Friday the Fourth of July', () => {
    // Thursday 2025-07-03 16:00 CDT: 1 h that day; Friday is a holiday; 8 h on Monday → Monday 16:00 CDT
    expect(add('2025-07-03T21:00:00Z', 9)).toBe('2025-07-07T21:00:00.000Z');
  });

  it('Labor Day and a weekend together: 24 working hours take most of a week', () => {
    // Friday 2025-08-29 08:00 CDT: Fri 9 h, (Sat, Sun, Labor Day), Tue 9 h, Wed 6 h → Wednesday 14:00 CDT
    expect(add('2025-08-29T13:00:00Z', 24)).toBe('2025-09-03T19:00:00.000Z');
  });

  it('across the spring DST change, local opening hours hold: Monday 14:00 is 19:00Z, not 20:00Z', () => {
    // Friday 2025-03-07 15:00 CST (21:00Z); clocks go forward on Sunday 2025-03-09
    expect(add('2025-03-07T21:00:00Z', 8)).toBe('2025-03-10T19:00:00.000Z');
  });

  it('across the autumn DST change, Monday 14:00 CST is 20:00Z', () => {
    // Friday 2025-10-31 15:00 CDT (20:00Z); clocks go back on Sunday 2025-11-02
    expect(add('2025-10-31T20:00:00Z', 8)).toBe('2025-11-03T20:00:00.000Z');
  });

  it('in another zone: Europe/Berlin over its March change', () => {
    const berlin: BusinessCalendar = { ...CENTRAL, timeZone: 'Europe/Berlin', holidays: [] };
    // Friday 2025-03-28 16:00 CET (15:00Z): 1 h, then Monday 2025-03-31 08:00 CEST + 1 h = 09:00 CEST = 07:00Z
    expect(add('2025-03-28T15:00:00Z', 2, berlin)).toBe('2025-03-31T07:00:00.000Z');
  });
});

describe('a level’s deadlines', () => {
  it('reminders at 50% and 75% of the SLA and the escalation at the due time, all in working hours', () => {
    const dir = sampleDirectory('olivette', (c) => void (c.calendar = CENTRAL));
    const fields = { description: 'A post naming a witness' };
    // Friday 2025-06-06 15:00 CDT; the sergeant has 24 working hours
    const t = submitReport(dir, { reportId: 'VIO-1', commandId: 'c', type: 'violation', reporter: 'ofc-lane', fields }, new Date('2025-06-06T20:00:00Z'));
    if (!t.ok) throw new Error(t.reason);
    // Fri 2 h, Mon 9 h, Tue 9 h, Wed 4 h → Wednesday 12:00 CDT
    expect(t.report.dueAt).toBe('2025-06-11T17:00:00.000Z');
    expect(t.deadlines.map((d) => [d.type, d.fireAt, d.member])).toEqual([
      ['reminder50', '2025-06-10T14:00:00.000Z', 'sgt-a'], // 12 h: Fri 2, Mon 9, Tue 1 → Tuesday 09:00 CDT
      ['reminder75', '2025-06-10T20:00:00.000Z', 'sgt-a'], // 18 h: Fri 2, Mon 9, Tue 7 → Tuesday 15:00 CDT
      ['escalate', '2025-06-11T17:00:00.000Z', 'sgt-a'],
    ]);
  });

  it('a report that left the route (returned, decided) has none', () => {
    const dir = sampleDirectory('olivette');
    const t = submitReport(dir, { reportId: 'SEC-1', commandId: 'c', type: 'security', reporter: 'ofc-lane', fields: { kind: 'breach', description: 'x' } }, new Date('2025-06-02T09:00:00Z'));
    if (!t.ok) throw new Error(t.reason);
    expect(deadlinesFor({ ...t.report, state: 'returned', dueAt: null })).toEqual([]);
    expect(deadlinesFor({ ...t.report, state: 'closed', dueAt: null })).toEqual([]);
  });
});

describe('a calendar in the department configuration', () => {
  it('is checked at import: zone, days, hours and holidays', () => {
    expect(calendarProblems(CENTRAL)).toEqual([]);
    const bad: BusinessCalendar = { timeZone: 'Mars/Olympus', workingDays: ['mon', 'fun' as 'mon'], hours: { start: '17:00', end: '08:00' }, holidays: ['July 4th'] };
    expect(calendarProblems(bad)).toEqual([
      '"Mars/Olympus" is not a time zone (use an IANA name such as America/Chicago)',
      'unknown working days fun (use sun, mon, tue, wed, thu, fri, sat)',
      'hours start (17:00) must be before they end (08:00)',
      'holidays must be YYYY-MM-DD dates: July 4th',
    ]);
    const config = { ...sampleConfig('olivette'), calendar: bad };
    expect(validateDepartment(config).filter((i) => i.code === 'invalid_calendar')).toHaveLength(4);
  });
});
