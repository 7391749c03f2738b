// How the Follow-ups page sorts and edits times, pure: the page's sections, and
// a datetime-local input (wall time in the prospect's zone) to and from a UTC
// instant. Formatting lives in lib/time/format.ts.
import { DateTime } from "luxon";

export type FollowUpSection = "proposed" | "due" | "upcoming" | "failed" | "done" | "cancelled";

export function sectionOf(followUp: { status: string; dueAt: string }, now: Date): FollowUpSection {
  if (followUp.status === "done") return "done";
  if (followUp.status === "failed") return "failed";
  if (followUp.status === "cancelled") return "cancelled";
  if (followUp.status === "proposed") return "proposed";
  return new Date(followUp.dueAt) <= now ? "due" : "upcoming";
}

/** Open (proposed or scheduled) and past its time. */
export function isOverdue(followUp: { status: string; dueAt: string }, now: Date): boolean {
  return (followUp.status === "proposed" || followUp.status === "scheduled") && Date.parse(followUp.dueAt) < now.getTime() - 60_000;
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
