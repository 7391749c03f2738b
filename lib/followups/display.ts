// How the Follow-ups page shows and reads times, pure: a due instant in the
// prospect's zone and in UTC, the page's sections, and a datetime-local input
// (wall time in the prospect's zone) back to a UTC instant.
import { DateTime } from "luxon";

export type FollowUpSection = "proposed" | "due" | "upcoming" | "failed" | "done" | "cancelled";

export function sectionOf(followUp: { status: string; dueAt: string }, now: Date): FollowUpSection {
  if (followUp.status === "done") return "done";
  if (followUp.status === "failed") return "failed";
  if (followUp.status === "cancelled") return "cancelled";
  if (followUp.status === "proposed") return "proposed";
  return new Date(followUp.dueAt) <= now ? "due" : "upcoming";
}

/** "Tue 10 Mar 2026, 15:00 EDT" in the prospect's zone. */
export function formatInZone(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso, { zone }).setLocale("en");
  return time.isValid ? time.toFormat("ccc d LLL yyyy, HH:mm ZZZZ") : iso;
}

/** "2026-03-10 19:00 UTC" */
export function formatUtc(iso: string): string {
  return DateTime.fromISO(iso, { zone: "utc" }).toFormat("yyyy-LL-dd HH:mm 'UTC'");
}

/** The value a datetime-local input shows for an instant, as wall time in `zone`. */
export function toLocalInputValue(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** A datetime-local value read as wall time in `zone`, as an ISO instant; null when invalid. */
export function fromLocalInputValue(value: string, zone: string): string | null {
  const time = DateTime.fromISO(value, { zone });
  return time.isValid ? time.toUTC().toISO() : null;
}
