// What people send to change a follow-up (the reschedule and cancel routes),
// checked before the services run.
import { z } from "zod";
import { notFound } from "@/lib/errors";

/** A due time with its offset ("2026-03-10T19:00:00Z", "2026-03-10T15:00:00-04:00"), not in the past. */
export const rescheduleFollowUpSchema = z.object({
  due_at: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time with a time zone offset" })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() >= Date.now() - 60_000, "must not be in the past"),
});

export const cancelFollowUpSchema = z.object({
  reason: z.string().trim().min(1, "must not be empty").max(500).optional(),
});

/** A follow-up id from a URL; anything that is not one is simply not found. */
export function followUpIdOf(raw: string): string {
  if (!z.uuid().safeParse(raw).success) throw notFound("Follow-up");
  return raw;
}
