// Behavioral scores in the database: pushed by a behavioral AI platform
// (idempotent per conversation and version) or computed by the embedded scorer,
// and the labels a salesperson reads. The platform's newest version wins over
// the embedded score.
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { loadTranscript, type Transcript } from "@/lib/conversations/transcript";
import { pushScoresJob } from "@/lib/jobs/push-scores";
import { EMBEDDED_SCORER_VERSION, scoreConversation } from "./embedded-scorer";
import { labelBehavioralScores, type BehavioralScoreLabels } from "./labels";
import { intentBandsSchema, type BehavioralScorePayload, type IntentBands } from "./schemas";

export type CurrentScore = {
  source: "platform" | "embedded";
  version: number;
  intentScore: number;
  objectionType: string;
  followUpTone: string;
  labels: BehavioralScoreLabels;
};

export async function workspaceIntentBands(workspaceId: string): Promise<IntentBands> {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { intentBands: true } });
  if (!workspace) throw notFound("Workspace");
  const parsed = intentBandsSchema.safeParse(workspace.intentBands);
  if (!parsed.success) throw new AppError("validation_failed", `The workspace's intent bands are not valid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * Records a score pushed by the platform. The same version again is accepted
 * once (created: false); the same version with other values is a conflict.
 * When the lead is already in a CRM, a push of the new labels is queued.
 */
export async function recordPushedScore(
  workspaceId: string,
  conversationId: string,
  payload: BehavioralScorePayload,
): Promise<{ created: boolean; score: CurrentScore }> {
  const bands = await workspaceIntentBands(workspaceId);
  const conversation = await db().conversation.findFirst({ where: { id: conversationId, workspaceId }, select: { id: true } });
  if (!conversation) throw notFound("Conversation");
  // Labeling first: a score that cannot be labeled is never stored.
  const labels = labelBehavioralScores({ intentScore: payload.intent_score, objectionType: payload.objection_type, followUpTone: payload.follow_up_tone }, bands);
  const values = { intentScore: payload.intent_score, objectionType: payload.objection_type, followUpTone: payload.follow_up_tone };
  const created = await db().$transaction(async (tx) => {
    const existing = await tx.behavioralScore.findUnique({
      where: { conversationId_source_version: { conversationId, source: "platform", version: payload.version } },
      select: { intentScore: true, objectionType: true, followUpTone: true },
    });
    if (existing) {
      const same = existing.intentScore === values.intentScore && existing.objectionType === values.objectionType && existing.followUpTone === values.followUpTone;
      if (!same) throw new AppError("conflict", `Version ${payload.version} of this conversation's scores was already recorded with other values; send a new version.`);
      return false;
    }
    await tx.behavioralScore.create({ data: { workspaceId, conversationId, source: "platform", version: payload.version, ...values } });
    const linked = await tx.crmLink.count({ where: { conversationId } });
    if (linked > 0) await pushScoresJob.enqueue(tx, { conversationId }, { workspaceId, dedupeKey: conversationId });
    return true;
  }).catch((error: unknown) => {
    // Two pushes of the same version at once: the loser reads the winner's row.
    if (isUniqueViolation(error)) return false;
    throw error;
  });
  return { created, score: { source: "platform", version: payload.version, ...values, labels } };
}

/** Computes (or refreshes) the embedded score from the conversation's own signals (from `loaded` when the caller has the transcript). */
export async function refreshEmbeddedScore(workspaceId: string, conversationId: string, loaded?: Transcript): Promise<void> {
  const transcript = loaded ?? (await loadTranscript(workspaceId, conversationId));
  const score = scoreConversation(transcript.messages.map((message) => ({ id: message.id, role: message.role, text: message.text, sentAt: message.sentAt })));
  const values = { intentScore: score.intentScore, objectionType: score.objectionType, followUpTone: score.followUpTone };
  await db().behavioralScore.upsert({
    where: { conversationId_source_version: { conversationId, source: "embedded", version: EMBEDDED_SCORER_VERSION } },
    create: { workspaceId, conversationId, source: "embedded", version: EMBEDDED_SCORER_VERSION, ...values },
    update: { ...values, receivedAt: new Date() },
  });
}

/** The score a salesperson sees: the platform's newest version, else the embedded one; null when none. */
export async function currentScore(workspaceId: string, conversationId: string): Promise<CurrentScore | null> {
  return (await currentScores(workspaceId, [conversationId])).get(conversationId) ?? null;
}

/** currentScore of many conversations of one workspace at once (two queries), by conversation id; none for a conversation without a score. */
export async function currentScores(workspaceId: string, conversationIds: readonly string[]): Promise<Map<string, CurrentScore>> {
  const rows = await db().behavioralScore.findMany({
    where: { workspaceId, conversationId: { in: [...conversationIds] } },
    orderBy: [{ version: "desc" }, { receivedAt: "desc" }],
    select: { conversationId: true, source: true, version: true, intentScore: true, objectionType: true, followUpTone: true },
  });
  const scores = new Map<string, CurrentScore>();
  if (rows.length === 0) return scores;
  const bands = await workspaceIntentBands(workspaceId);
  const byConversation = new Map<string, typeof rows>();
  for (const row of rows) byConversation.set(row.conversationId, [...(byConversation.get(row.conversationId) ?? []), row]);
  for (const [conversationId, own] of byConversation) {
    const row = own.find((candidate) => candidate.source === "platform") ?? own.find((candidate) => candidate.source === "embedded");
    if (!row) continue;
    const values = { version: row.version, intentScore: row.intentScore, objectionType: row.objectionType, followUpTone: row.followUpTone };
    scores.set(conversationId, { ...values, source: row.source as CurrentScore["source"], labels: labelBehavioralScores(values, bands) });
  }
  return scores;
}
