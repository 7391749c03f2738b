// Times as people read them, pure: an instant in a given zone ("Tue 10 Mar,
// 15:00"), and relative to now ("in 3 h", "2 d ago", "overdue 6 d"). The
// dashboard shows instants in the viewer's zone (their personal setting, else
// the workspace's) with the prospect's local time beside them. Dates are in
// the reader's locale (a BCP 47 tag, English by default); the dashboard words
// relative times from its catalogs with spanParts.
import { DateTime } from "luxon";

/** "Tue 10 Mar 2026, 15:00 EDT" ("ter. 10 mar. 2026, 15:00 EDT" in pt-BR) */
export function formatInZone(iso: string, zone: string, locale = "en"): string {
  const time = DateTime.fromISO(iso, { zone }).setLocale(locale);
  return time.isValid ? time.toFormat("ccc d LLL yyyy, HH:mm ZZZZ") : iso;
}

/** "Tue 10 Mar, 15:00": the year only when it is not the current one. */
export function formatShort(iso: string, zone: string, now: Date, locale = "en"): string {
  const time = DateTime.fromISO(iso, { zone }).setLocale(locale);
  if (!time.isValid) return iso;
  return time.toFormat(time.year === DateTime.fromJSDate(now, { zone }).year ? "ccc d LLL, HH:mm" : "ccc d LLL yyyy, HH:mm");
}

/** "15:00 GMT-3" or "15:00 EDT": a wall clock with its zone's short name. */
export function formatClock(iso: string, zone: string, locale = "en"): string {
  const time = DateTime.fromISO(iso, { zone }).setLocale(locale);
  return time.isValid ? time.toFormat("HH:mm ZZZZ") : iso;
}

/** "2026-03-10 19:00 UTC" */
export function formatUtc(iso: string): string {
  return DateTime.fromISO(iso, { zone: "utc" }).toFormat("yyyy-LL-dd HH:mm 'UTC'");
}

export type SpanUnit = "minute" | "hour" | "day";

/** A span as its largest whole unit, rounded down: {count: 3, unit: "hour"}. */
export function spanParts(milliseconds: number): { count: number; unit: SpanUnit } {
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  if (minutes < 60) return { count: minutes, unit: "minute" };
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return { count: hours, unit: "hour" };
  return { count: Math.floor(hours / 24), unit: "day" };
}

const SPAN_SUFFIX: Record<SpanUnit, string> = { minute: "min", hour: "h", day: "d" };

/** "45 min", "3 h", "6 d": the largest whole unit, rounded down. */
export function compactSpan(milliseconds: number): string {
  const { count, unit } = spanParts(milliseconds);
  return `${count} ${SPAN_SUFFIX[unit]}`;
}

export type RelativeParts = { when: "now" } | { when: "future" | "past"; count: number; unit: SpanUnit };

/** How far an instant is from now, as parts to word: "now" within a minute. Null for a bad instant. */
export function relativeParts(iso: string, now: Date): RelativeParts | null {
  const difference = Date.parse(iso) - now.getTime();
  if (Number.isNaN(difference)) return null;
  if (Math.abs(difference) < 60_000) return { when: "now" };
  return { when: difference > 0 ? "future" : "past", ...spanParts(difference) };
}

/** How late an open item is (a minute or more past its time), else null. */
export function overdueParts(iso: string, now: Date): { count: number; unit: SpanUnit } | null {
  const late = now.getTime() - Date.parse(iso);
  return late >= 60_000 ? spanParts(late) : null;
}

/** "in 3 h", "2 d ago", "now" (within a minute). */
export function relativeTime(iso: string, now: Date): string {
  const parts = relativeParts(iso, now);
  if (!parts) return "";
  if (parts.when === "now") return "now";
  const span = `${parts.count} ${SPAN_SUFFIX[parts.unit]}`;
  return parts.when === "future" ? `in ${span}` : `${span} ago`;
}

/** "overdue 6 d" for an open item whose time has passed, else null. */
export function overdueLabel(iso: string, now: Date): string | null {
  const parts = overdueParts(iso, now);
  return parts ? `overdue ${parts.count} ${SPAN_SUFFIX[parts.unit]}` : null;
}
