// Proposes a conversation's follow-up from what is in the database: reads the
// transcript, the workspace's zone, country and business hours, the prospect's
// zone (from their number), opt-out, the current score's tone and the lead's
// email, asks the pure planner (plan.ts),
// and keeps exactly one `proposed` FollowUp per conversation (replaced on every
// call, deleted when the planner finds nothing). Follow-ups already scheduled,
// done or cancelled belong to people and jobs now and are never touched here.
// Called by the extraction pipeline after a proposal is stored, and again for
// every proposed follow-up when the workspace's business hours change.
import { db } from "@/lib/db/client";
import { loadTranscript, type Transcript } from "@/lib/conversations/transcript";
import { notFound } from "@/lib/errors";
import { isOptedOut } from "@/lib/ingest/opt-outs";
import { lockForTransaction } from "@/lib/db/locks";
import { currentScore } from "@/lib/scoring/scores";
import { businessHoursOf } from "./business-hours";
import { planFollowUp, type FollowUpPlan } from "./plan";
import { resolveProspectTimeZone } from "./prospect-timezone";

export type ProposedFollowUp = { id: string; dueAt: Date; timezone: string; channel: string; reason: string; plan: FollowUpPlan };

/** Serializes proposals and scheduling for one conversation (one `proposed` row each). */
export const followUpLockKey = (conversationId: string) => `follow-up:${conversationId}`;

/**
 * `now` is the moment the proposal is made for (stored as its createdAt);
 * `loaded` the transcript when the caller (the extraction pipeline) has already read it.
 */
export async function proposeFollowUp(workspaceId: string, conversationId: string, now: Date, loaded?: Transcript): Promise<ProposedFollowUp | null> {
  const transcript = loaded ?? (await loadTranscript(workspaceId, conversationId));
  const [workspace, conversation, lead, score, optedOut] = await Promise.all([
    db().workspace.findUnique({ where: { id: workspaceId }, select: { timezone: true, defaultCountry: true, businessDays: true, businessOpensAt: true, businessClosesAt: true } }),
    db().conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { language: true } }),
    db().leadProposal.findUnique({ where: { conversationId }, select: { name: true, email: true, phoneE164: true, contact: { select: { name: true, email: true } } } }),
    currentScore(workspaceId, conversationId),
    isOptedOut(workspaceId, transcript.contactWaId),
  ]);
  if (!workspace) throw notFound("Workspace");
  // The WhatsApp number is the prospect's own; an edited phone may be a desk line elsewhere.
  const phone = `+${transcript.contactWaId}`;
  const prospectTimeZone = await resolveProspectTimeZone({ phone, workspaceTimezone: workspace.timezone, workspaceDefaultCountry: workspace.defaultCountry });

  const plan = planFollowUp({
    messages: transcript.messages.map((message) => ({ id: message.id, role: message.role, text: message.text, sentAt: message.sentAt })),
    now,
    phone,
    prospectTimeZone,
    businessHours: businessHoursOf(workspace),
    followUpTone: score?.followUpTone ?? null,
    languageHint: conversation.language,
    optedOut,
    hasEmail: Boolean(lead?.contact?.email ?? lead?.email),
    contactName: lead?.contact?.name ?? lead?.name ?? transcript.contactProfileName,
    lastProspectMessageAt: transcript.lastUserMessageAt,
  });

  return db().$transaction(async (tx) => {
    await lockForTransaction(tx, followUpLockKey(conversationId));
    await tx.followUp.deleteMany({ where: { workspaceId, conversationId, status: "proposed" } });
    if (!plan) return null;
    const row = await tx.followUp.create({
      data: {
        workspaceId,
        conversationId,
        dueAt: plan.dueAt,
        timezone: plan.timezone,
        channel: plan.channel,
        reason: plan.reason,
        tone: plan.tone,
        signal: plan.signal?.quote ?? null,
        signalMessageId: plan.signal?.messageId ?? null,
        rule: plan.rule,
        taskSubject: plan.task.subject,
        taskBody: plan.task.body,
        taskType: plan.task.type,
        taskPriority: plan.task.priority,
        templateRequired: plan.templateRequired,
        status: "proposed",
        createdAt: now,
      },
      select: { id: true, dueAt: true, timezone: true, channel: true, reason: true },
    });
    return { ...row, plan };
  });
}

/**
 * After the workspace's business hours change: every proposed follow-up is
 * planned again for the moment it was first proposed, so it moves into the new
 * hours and nothing else about it changes. Scheduled ones belong to people now.
 */
export async function reproposeFollowUpsOfWorkspace(workspaceId: string): Promise<number> {
  const proposed = await db().followUp.findMany({ where: { workspaceId, status: "proposed" }, select: { conversationId: true, createdAt: true } });
  for (const followUp of proposed) await proposeFollowUp(workspaceId, followUp.conversationId, followUp.createdAt);
  return proposed.length;
}
