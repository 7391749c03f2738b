// What deserves a notification in a workspace at a moment, read from the
// database: a high-urgency lead waiting for review longer than the workspace's
// limit, a CRM sync that failed, a follow-up due today (in the workspace's
// zone). Each comes with a dedupe key, so a condition raises one notification
// however often it is looked for (a sync that fails again after a retry, or a
// follow-up due on another day, raises a new one).
import { DateTime } from "luxon";
import { db } from "@/lib/db/client";
import type { PhraseParams } from "@/lib/i18n/phrase";
import { compactSpan, formatClock } from "@/lib/time/format";

export type NotificationKind = "hot_lead_waiting" | "sync_failed" | "follow_up_due_today";

/**
 * `title` and `body` in English (the outgoing webhook's words); `params` the
 * values they are built from, so the bell words the kind in each reader's
 * language when it is read (app/_components/notification-words.ts).
 */
export type NotificationDraft = { kind: NotificationKind; dedupeKey: string; title: string; body: string; params: PhraseParams; link: string };

const CHANNEL = { call: "Call", whatsapp: "WhatsApp message", email: "Email" } as Record<string, string>;

export type WorkspaceForNotifications = { id: string; timezone: string; hotLeadWaitMinutes: number };

export async function notificationsDue(workspace: WorkspaceForNotifications, now: Date): Promise<NotificationDraft[]> {
  const waitingSince = new Date(now.getTime() - workspace.hotLeadWaitMinutes * 60_000);
  const today = DateTime.fromJSDate(now, { zone: workspace.timezone });
  const [hotLeads, failedSyncs, dueToday] = await Promise.all([
    db().leadProposal.findMany({
      where: { workspaceId: workspace.id, status: "proposed", urgencyLevel: "high", createdAt: { lte: waitingSince } },
      orderBy: { createdAt: "asc" },
      take: 50,
      select: { id: true, name: true, productInterest: true, createdAt: true, conversation: { select: { contactProfileName: true } } },
    }),
    db().leadProposal.findMany({
      where: { workspaceId: workspace.id, status: { in: ["approved", "merged"] }, syncStatus: "failed" },
      orderBy: { updatedAt: "desc" },
      take: 50,
      select: { id: true, name: true, version: true, syncError: true },
    }),
    db().followUp.findMany({
      where: { workspaceId: workspace.id, status: "scheduled", dueAt: { gte: today.startOf("day").toJSDate(), lt: today.endOf("day").toJSDate() } },
      orderBy: { dueAt: "asc" },
      take: 50,
      select: { id: true, dueAt: true, timezone: true, channel: true, reason: true, contact: { select: { name: true } } },
    }),
  ]);
  return [
    ...hotLeads.map((lead) => ({
      kind: "hot_lead_waiting" as const,
      dedupeKey: `hot_lead_waiting:${lead.id}`,
      title: `A hot lead is waiting: ${lead.name ?? lead.conversation.contactProfileName ?? "a prospect"}`,
      body: `High urgency${lead.productInterest ? `, interested in ${lead.productInterest}` : ""}; waiting ${compactSpan(now.getTime() - lead.createdAt.getTime())} for review.`,
      params: { name: lead.name ?? lead.conversation.contactProfileName ?? "", product: lead.productInterest ?? "", since: lead.createdAt.toISOString() },
      link: `/leads/${lead.id}`,
    })),
    ...failedSyncs.map((lead) => ({
      kind: "sync_failed" as const,
      dedupeKey: `sync_failed:${lead.id}:${lead.version}`,
      title: `CRM sync failed: ${lead.name ?? "a lead"}`,
      body: `${lead.syncError ?? "The CRM refused the lead."} Fix the cause, then retry the sync from the lead.`,
      params: { name: lead.name ?? "", error: lead.syncError ?? "" },
      link: `/leads/${lead.id}`,
    })),
    ...dueToday.map((followUp) => ({
      kind: "follow_up_due_today" as const,
      dedupeKey: `follow_up_due_today:${followUp.id}:${today.toISODate()}`,
      title: `Follow-up due today: ${followUp.contact?.name ?? "a prospect"}`,
      body: `${CHANNEL[followUp.channel] ?? followUp.channel} at ${formatClock(followUp.dueAt.toISOString(), followUp.timezone)} their time. ${followUp.reason}`,
      params: { name: followUp.contact?.name ?? "", channel: followUp.channel, dueAt: followUp.dueAt.toISOString(), timezone: followUp.timezone, reason: followUp.reason },
      link: "/follow-ups",
    })),
  ];
}
