import type { BusinessCalendar, Weekday } from './types.js';
import { addDays, instantAt, isoDate, isTimeZone, localDateOf, weekdayOf } from './zoned-time.js';

const HOUR_MS = 3600 * 1000;
/** Far beyond any SLA; a calendar with no open hour in this span is treated as none at all. */
const MAX_DAYS = 5 * 366;

export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "08:30" → 510; undefined when not a 24-hour HH:MM time. */
export function minutesOf(hhmm: string): number | undefined {
  const m = HH_MM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Everything wrong with a calendar, in words; empty when it can be used. */
export function calendarProblems(c: BusinessCalendar): string[] {
  const problems: string[] = [];
  if (!isTimeZone(c.timeZone)) problems.push(`"${c.timeZone}" is not a time zone (use an IANA name such as America/Chicago)`);
  if (c.workingDays.length === 0) problems.push('it has no working days');
  const bad = c.workingDays.filter((d) => !WEEKDAYS.includes(d));
  if (bad.length > 0) problems.push(`unknown working days ${bad.join(', ')} (use ${WEEKDAYS.join(', ')})`);
  const start = minutesOf(c.hours.start);
  const end = minutesOf(c.hours.end);
  if (start === undefined || end === undefined) problems.push('hours must be HH:MM, e.g. {start: "08:00", end: "17:00"}');
  else if (start >= end) problems.push(`hours start (${c.hours.start}) must be before they end (${c.hours.end})`);
  const badDays = c.holidays.filter((h) => !DATE.test(h) || Number.isNaN(Date.parse(`${h}T00:00:00Z`)));
  if (badDays.length > 0) problems.push(`holidays must be YYYY-MM-DD dates: ${badDays.join(', ')}`);
  return problems;
}

/**
 * The instant `hours` of working time after `start`. Without a calendar every hour counts; with one, only the
 * department's working hours on its working days, holidays excepted, read on its own wall clock, so a
 * daylight-saving change moves the deadline's UTC time but never the local opening hours.
 */
export function addWorkingTime(start: Date, hours: number, calendar?: BusinessCalendar): Date {
  const plain = new Date(start.getTime() + hours * HOUR_MS);
  if (!calendar || hours <= 0) return plain;
  const open = minutesOf(calendar.hours.start);
  const close = minutesOf(calendar.hours.end);
  if (open === undefined || close === undefined || open >= close) return plain;
  const days = new Set(calendar.workingDays.map((d) => WEEKDAYS.indexOf(d)));
  const holidays = new Set(calendar.holidays);
  const from = start.getTime();
  let remaining = hours * HOUR_MS;
  const first = localDateOf(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = addDays(first, i);
    if (!days.has(weekdayOf(day)) || holidays.has(isoDate(day))) continue;
    const opens = Math.max(instantAt(day, open, calendar.timeZone), from);
    const closes = instantAt(day, close, calendar.timeZone);
    if (opens >= closes) continue;
    if (remaining <= closes - opens) return new Date(opens + remaining);
    remaining -= closes - opens;
  }
  return plain;
}
