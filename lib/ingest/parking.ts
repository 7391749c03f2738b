// Keeps what the webhook cannot store right now, so nothing Meta sends is lost:
// changes for a phone_number_id no workspace owns (routable later by an admin,
// see parked-routing.ts) and single messages that cannot be read (kept for
// inspection). A redelivery of the same payload is not parked twice.
import { db, Prisma, type PrismaClient } from "@/lib/db/client";
import { logger } from "@/lib/log";

/** Why a payload was parked; the reason column starts with it. */
export type ParkKind = "unknown_phone_number_id" | "no_phone_number_id" | "bad_message";

export function parkReason(kind: ParkKind, detail: string): string {
  return `${kind}: ${detail}`;
}

export function parkKindOf(reason: string): ParkKind | "other" {
  const kind = reason.split(":", 1)[0];
  return kind === "unknown_phone_number_id" || kind === "no_phone_number_id" || kind === "bad_message" ? kind : "other";
}

/** Parks a payload (inside the caller's transaction when given one); a redelivery finds the row already there. */
export async function parkPayload(
  input: { phoneNumberId: string | null; payload: unknown; kind: ParkKind; detail: string },
  client: Prisma.TransactionClient | PrismaClient = db(),
): Promise<{ id: string; alreadyParked: boolean }> {
  const payload = input.payload as Prisma.InputJsonValue;
  const reason = parkReason(input.kind, input.detail);
  const same = await client.parkedWebhook.findFirst({
    where: { phoneNumberId: input.phoneNumberId, routedAt: null, reason, payload: { equals: payload } },
    select: { id: true },
  });
  if (same) return { id: same.id, alreadyParked: true };
  const row = await client.parkedWebhook.create({ data: { phoneNumberId: input.phoneNumberId, payload, reason }, select: { id: true } });
  logger.warn({ parkedWebhookId: row.id, kind: input.kind }, "webhook payload parked");
  return { id: row.id, alreadyParked: false };
}
