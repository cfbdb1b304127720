/** Wall-clock dates and times in an IANA time zone, from Intl alone: no clock is read here. */

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone ("Europe/Paris", "UTC"); an unknown name is a configuration error, not a crash. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClock(instant: number, timeZone: string): { date: LocalDate; asUtc: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const date = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, Number(parts.hour), Number(parts.minute), Number(parts.second));
  return { date, asUtc };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClock(whole, timeZone).asUtc - whole;
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  return wallClock(instant, timeZone).date;
}

/** The instant the zone's clocks read `minutes` past midnight on `date` (a time skipped by DST lands just after the gap). */
export function instantAt(date: LocalDate, minutes: number, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return first === second ? first : Math.max(first, second);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function isoDate(date: LocalDate): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}
