// When a salesperson can reach a prospect: business hours in the PROSPECT's
// local time (default Mon–Fri 09:00–18:00), and the moves that put a proposed
// time inside them. All arithmetic is on luxon DateTimes in the prospect's zone,
// so a DST change between "now" and the due time lands on the right wall clock.
// Public holidays are not modelled.
import { DateTime } from "luxon";

export type BusinessHours = {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Minutes after local midnight: opening (inclusive) and closing (exclusive). */
  opensAt: number;
  closesAt: number;
  /** When a date is given without a time ("call me Monday"): 10:00, after the morning's first hour. */
  defaultTimeOfDay: number;
};

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  days: [1, 2, 3, 4, 5],
  opensAt: 9 * 60,
  closesAt: 18 * 60,
  defaultTimeOfDay: 10 * 60,
};

/** A workspace's stored hours (Settings -> Workspace); the default time of day is an hour after opening. */
export function businessHoursOf(workspace: { businessDays: readonly number[]; businessOpensAt: number; businessClosesAt: number }): BusinessHours {
  const { businessDays: days, businessOpensAt: opensAt, businessClosesAt: closesAt } = workspace;
  return { days: [...days].sort(), opensAt, closesAt, defaultTimeOfDay: Math.min(opensAt + 60, closesAt - 1) };
}

const minuteOfDay = (time: DateTime) => time.hour * 60 + time.minute;
const atMinute = (day: DateTime, minutes: number) =>
  day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });

export function isBusinessDay(time: DateTime, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): boolean {
  return hours.days.includes(time.weekday);
}

export function isWithinBusinessHours(time: DateTime, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): boolean {
  const minute = minuteOfDay(time);
  return isBusinessDay(time, hours) && minute >= hours.opensAt && minute < hours.closesAt;
}

function nextBusinessDayStart(time: DateTime, hours: BusinessHours): DateTime {
  let day = time.startOf("day").plus({ days: 1 });
  for (let i = 0; i < 7 && !isBusinessDay(day, hours); i++) day = day.plus({ days: 1 });
  return day;
}

/** Saturday 11:00 -> Monday 09:00; Tuesday 20:00 -> Wednesday 09:00; Tuesday 07:30 -> Tuesday 09:00. */
export function moveIntoBusinessHours(time: DateTime, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): DateTime {
  if (isWithinBusinessHours(time, hours)) return time;
  if (isBusinessDay(time, hours) && minuteOfDay(time) < hours.opensAt) return atMinute(time, hours.opensAt);
  return atMinute(nextBusinessDayStart(time, hours), hours.opensAt);
}

/** A date without a time: that day (or the next business day) at the default time. */
export function businessDayAtDefaultTime(date: DateTime, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): DateTime {
  const day = isBusinessDay(date, hours) ? date.startOf("day") : nextBusinessDayStart(date, hours);
  return atMinute(day, hours.defaultTimeOfDay);
}

/** The first business day's default time (10:00) strictly after `time`: "first thing next business morning". */
export function nextBusinessMorning(time: DateTime, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): DateTime {
  const sameDay = atMinute(time, hours.defaultTimeOfDay);
  if (isBusinessDay(time, hours) && sameDay > time) return sameDay;
  return atMinute(nextBusinessDayStart(time, hours), hours.defaultTimeOfDay);
}

/** `minutes` of business time after `time`: Friday 17:30 + 60 -> Monday 09:30. */
export function addBusinessMinutes(time: DateTime, minutes: number, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): DateTime {
  let cursor = moveIntoBusinessHours(time, hours);
  let left = minutes;
  for (let guard = 0; guard < 366; guard++) {
    const closing = atMinute(cursor, hours.closesAt);
    const available = closing.diff(cursor, "minutes").minutes;
    if (left < available) return cursor.plus({ minutes: left });
    left -= available;
    cursor = atMinute(nextBusinessDayStart(cursor, hours), hours.opensAt);
  }
  throw new Error("business hours leave no time to schedule in");
}

/** `days` business days after `time`, at the default time: a nurture check-in. */
export function businessDaysLater(time: DateTime, days: number, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): DateTime {
  let day = time;
  for (let i = 0; i < days; i++) day = nextBusinessDayStart(day, hours);
  return atMinute(day, hours.defaultTimeOfDay);
}
