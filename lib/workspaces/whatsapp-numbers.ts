// The WhatsApp Business numbers whose webhooks reach a workspace, as admins
// manage them in Settings -> WhatsApp: list, add (which also ingests whatever
// was parked for that number before it was known), remove; and the parked
// deliveries of numbers no workspace owns yet, with "route to this workspace".
// Admins see only a parked number's id, display number, count and dates, never
// the messages, until they route it. Every change is audited.
import { z } from "zod";
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { routeParkedWebhook, type RouteResult } from "@/lib/ingest/parked-routing";
import { readWebhookPayload } from "@/lib/ingest/whatsapp-payload";

type Actor = Pick<AuditEntry, "actorType" | "actorId" | "actorLabel">;

export const newWhatsAppNumberSchema = z
  .object({
    phoneNumberId: z.string().trim().regex(/^\d{5,32}$/, "must be the number's phone_number_id from Meta: digits only"),
    displayPhoneNumber: z.string().trim().max(40).regex(/^\+?[\d\s().-]*$/, "must be a phone number such as +55 11 4000-1234").nullable().optional(),
  })
  .strict();
export type NewWhatsAppNumber = z.infer<typeof newWhatsAppNumberSchema>;

export type WhatsAppNumberRow = { id: string; phoneNumberId: string; displayPhoneNumber: string | null; createdAt: Date };

export async function listWhatsAppNumbers(workspaceId: string): Promise<WhatsAppNumberRow[]> {
  return db().whatsAppNumber.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, phoneNumberId: true, displayPhoneNumber: true, createdAt: true },
  });
}

const ownedElsewhere = (phoneNumberId: string) => new AppError("conflict", `phone_number_id ${phoneNumberId} already belongs to another workspace.`);

/** Registers the number; parked deliveries for it are then ingested into this workspace. */
export async function addWhatsAppNumber(
  workspaceId: string,
  input: NewWhatsAppNumber,
  actor: Actor,
): Promise<{ number: WhatsAppNumberRow; routed: RouteResult | null }> {
  const owner = await db().whatsAppNumber.findUnique({ where: { phoneNumberId: input.phoneNumberId }, select: { workspaceId: true } });
  if (owner) throw owner.workspaceId === workspaceId ? new AppError("conflict", `phone_number_id ${input.phoneNumberId} is already routed to this workspace.`) : ownedElsewhere(input.phoneNumberId);
  let number: WhatsAppNumberRow;
  try {
    number = await db().$transaction(async (tx) => {
      const created = await tx.whatsAppNumber.create({
        data: { workspaceId, phoneNumberId: input.phoneNumberId, displayPhoneNumber: input.displayPhoneNumber || null },
        select: { id: true, phoneNumberId: true, displayPhoneNumber: true, createdAt: true },
      });
      await recordAuditEvent({ ...actor, workspaceId, action: "whatsapp_number.added", targetType: "whatsapp_number", targetId: created.id, after: { phoneNumberId: created.phoneNumberId, displayPhoneNumber: created.displayPhoneNumber } }, tx);
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw ownedElsewhere(input.phoneNumberId);
    throw error;
  }
  const oldestParked = await db().parkedWebhook.findFirst({
    where: { phoneNumberId: input.phoneNumberId, routedAt: null, reason: { startsWith: "unknown_phone_number_id" } },
    orderBy: { receivedAt: "asc" },
    select: { id: true },
  });
  const routed = oldestParked ? await routeParked(workspaceId, oldestParked.id, actor) : null;
  return { number, routed };
}

export async function removeWhatsAppNumber(workspaceId: string, numberId: string, actor: Actor): Promise<void> {
  await db().$transaction(async (tx) => {
    const number = await tx.whatsAppNumber.findFirst({ where: { id: numberId, workspaceId }, select: { id: true, phoneNumberId: true, displayPhoneNumber: true } });
    if (!number) throw notFound("WhatsApp number");
    await tx.whatsAppNumber.delete({ where: { id: number.id } });
    await recordAuditEvent({ ...actor, workspaceId, action: "whatsapp_number.removed", targetType: "whatsapp_number", targetId: number.id, before: { phoneNumberId: number.phoneNumberId, displayPhoneNumber: number.displayPhoneNumber } }, tx);
  });
}

export type ParkedNumber = {
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  deliveries: number;
  firstReceivedAt: Date;
  lastReceivedAt: Date;
  /** The parked delivery the "route" action names (any of the number's works: all are routed together). */
  parkedId: string;
};

function displayNumberIn(payload: unknown, phoneNumberId: string): string | null {
  try {
    return readWebhookPayload(payload).find((change) => change.phoneNumberId === phoneNumberId)?.displayPhoneNumber ?? null;
  } catch {
    return null;
  }
}

/** Numbers no workspace owns whose deliveries wait, newest first: what an admin may route here. */
export async function listParkedNumbers(limit = 50): Promise<ParkedNumber[]> {
  const rows = await db().parkedWebhook.findMany({
    where: { routedAt: null, phoneNumberId: { not: null }, reason: { startsWith: "unknown_phone_number_id" } },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: 1000,
    select: { id: true, phoneNumberId: true, receivedAt: true, payload: true },
  });
  const numbers = new Map<string, ParkedNumber>();
  for (const row of rows) {
    const known = numbers.get(row.phoneNumberId!);
    if (known) {
      known.deliveries += 1;
      known.firstReceivedAt = row.receivedAt;
      continue;
    }
    const display = displayNumberIn(row.payload, row.phoneNumberId!);
    numbers.set(row.phoneNumberId!, { phoneNumberId: row.phoneNumberId!, displayPhoneNumber: display, deliveries: 1, firstReceivedAt: row.receivedAt, lastReceivedAt: row.receivedAt, parkedId: row.id });
  }
  return [...numbers.values()].slice(0, limit);
}

/** Routes a parked delivery (and every other one of its number) to this workspace, audited. */
export async function routeParked(workspaceId: string, parkedId: string, actor: Actor): Promise<RouteResult> {
  const result = await routeParkedWebhook(parkedId, workspaceId);
  await recordAuditEvent({
    ...actor,
    workspaceId,
    action: "parked_webhook.routed",
    targetType: "parked_webhook",
    targetId: parkedId,
    after: { phoneNumberId: result.phoneNumberId, numberRegistered: result.numberRegistered, deliveries: result.routed.length, messagesStored: result.ingest.stored },
  });
  return result;
}
