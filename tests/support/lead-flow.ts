// A prospect's conversation taken the whole way, as the product does it:
// delivered by Meta's webhook (signed), extracted, approved by a person through
// the review route, synced to the workspace's CRM and followed up, with the
// background work drained as time passes. For tests that look at the result
// end to end (privacy erasure and export, the logs of a full run).
import * as approveRoute from "@/app/api/v1/leads/[id]/approve/route";
import * as webhookRoute from "@/app/api/webhooks/whatsapp/route";
import { db } from "@/lib/db/client";
import { drainDueWork } from "@/lib/jobs/drain";
import { CLAIM_LEASE_MS } from "@/lib/outbox/outbox";
import { call } from "./http";
import { messagesPayload, noParams, signedRequest, textMessage } from "./whatsapp";

/** A clock the drains run on, moved forward by the tests. */
export type Clock = { now: number };

/** Runs due work at the clock's time until nothing is left pending (moving the clock past backoffs), or throws. */
export async function drainUntilSettled(clock: Clock, workspaceId: string | null, options: { maxRounds?: number } = {}): Promise<void> {
  for (let round = 0; round < (options.maxRounds ?? 20); round++) {
    await drainDueWork({ worker: `test-drain-${round}`, now: () => new Date(clock.now) });
    const open = await db().outboxItem.count({ where: { status: { in: ["pending", "claimed"] }, availableAt: { lte: new Date(clock.now) }, ...(workspaceId ? { workspaceId } : {}) } });
    if (open === 0) return;
    clock.now += CLAIM_LEASE_MS + 60 * 60_000;
    // Vendor fakes count their rate windows in real time.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("background work did not settle");
}

/** `sentAt`: when the first message was sent (default now; Meta refuses nothing, but LeadBridge parks messages dated a day ahead). */
export type Prospect = { waId: string; profileName: string; messages: string[]; sentAt?: Date };

/** Delivers the prospect's messages to the number, then extracts as the quiet period ends. Returns the conversation. */
export async function deliverAndExtract(clock: Clock, workspace: { id: string; phoneNumberId: string }, prospect: Prospect): Promise<string> {
  const sent = prospect.sentAt ?? new Date();
  const messages = prospect.messages.map((text, i) => textMessage(prospect.waId, text, new Date(sent.getTime() + i * 1000)));
  const response = await webhookRoute.POST(signedRequest(JSON.stringify(messagesPayload(workspace.phoneNumberId, prospect.waId, messages, prospect.profileName))), noParams);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  clock.now += 15 * 60_000;
  await drainUntilSettled(clock, workspace.id);
  const conversation = await db().conversation.findFirstOrThrow({ where: { workspaceId: workspace.id, contactWaId: prospect.waId }, orderBy: { lastMessageAt: "desc" } });
  return conversation.id;
}

/** A person approves the conversation's lead through the review route, and the sync runs after the undo window. */
export async function approveAndSync(clock: Clock, workspaceId: string, conversationId: string, cookie: string): Promise<string> {
  const lead = await db().leadProposal.findUniqueOrThrow({ where: { conversationId } });
  const response = await call(approveRoute.POST, `/api/v1/leads/${lead.id}/approve`, { method: "POST", cookie, params: { id: lead.id }, body: { version: lead.version } });
  if (response.status !== 200) throw new Error(`approve answered ${response.status}: ${await response.text()}`);
  clock.now += 2 * 60_000;
  await drainUntilSettled(clock, workspaceId);
  return lead.id;
}
