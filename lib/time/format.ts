// Times as people read them, pure: an instant in a given zone ("Tue 10 Mar,
// 15:00"), and relative to now ("in 3 h", "2 d ago", "overdue 6 d"). The
// dashboard shows instants in the viewer's zone (their personal setting, else
// the workspace's) with the prospect's local time beside them.
import { DateTime } from "luxon";

/** "Tue 10 Mar 2026, 15:00 EDT" */
export function formatInZone(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso, { zone }).setLocale("en");
  return time.isValid ? time.toFormat("ccc d LLL yyyy, HH:mm ZZZZ") : iso;
}

/** "Tue 10 Mar, 15:00": the year only when it is not the current one. */
export function formatShort(iso: string, zone: string, now: Date): string {
  const time = DateTime.fromISO(iso, { zone }).setLocale("en");
  if (!time.isValid) return iso;
  return time.toFormat(time.year === DateTime.fromJSDate(now, { zone }).year ? "ccc d LLL, HH:mm" : "ccc d LLL yyyy, HH:mm");
}

/** "15:00 GMT-3" or "15:00 EDT": a wall clock with its zone's short name. */
export function formatClock(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso, { zone }).setLocale("en");
  return time.isValid ? time.toFormat("HH:mm ZZZZ") : iso;
}

/** "2026-03-10 19:00 UTC" */
export function formatUtc(iso: string): string {
  return DateTime.fromISO(iso, { zone: "utc" }).toFormat("yyyy-LL-dd HH:mm 'UTC'");
}

/** "45 min", "3 h", "6 d": the largest whole unit, rounded down. */
export function compactSpan(milliseconds: number): string {
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** "in 3 h", "2 d ago", "now" (within a minute). */
export function relativeTime(iso: string, now: Date): string {
  const difference = Date.parse(iso) - now.getTime();
  if (Number.isNaN(difference)) return "";
  if (Math.abs(difference) < 60_000) return "now";
  return difference > 0 ? `in ${compactSpan(difference)}` : `${compactSpan(difference)} ago`;
}

/** "overdue 6 d" for an open item whose time has passed, else null. */
export function overdueLabel(iso: string, now: Date): string | null {
  const late = now.getTime() - Date.parse(iso);
  return late >= 60_000 ? `overdue ${compactSpan(late)}` : null;
}
