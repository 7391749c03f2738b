// Behavioral scores as the public API shows them: the values the platform
// sent, plus the words that will be pushed to the CRM (summary and the three
// fields), so a caller sees exactly what a salesperson will read.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { currentScore, recordPushedScore, type CurrentScore } from "./scores";
import type { BehavioralScorePayload } from "./schemas";

export type ScoreView = {
  source: CurrentScore["source"];
  version: number;
  intent_score: number;
  objection_type: string;
  follow_up_tone: string;
  summary: string;
  fields: CurrentScore["labels"]["fields"];
};

export const scoreView = (score: CurrentScore): ScoreView => ({
  source: score.source,
  version: score.version,
  intent_score: score.intentScore,
  objection_type: score.objectionType,
  follow_up_tone: score.followUpTone,
  summary: score.labels.summary,
  fields: score.labels.fields,
});

/** 404 for ids that are not this workspace's conversation (or not ids at all). */
async function assertConversation(workspaceId: string, conversationId: string): Promise<void> {
  if (!z.uuid().safeParse(conversationId).success) throw notFound("Conversation");
  const found = await db().conversation.findFirst({ where: { id: conversationId, workspaceId }, select: { id: true } });
  if (!found) throw notFound("Conversation");
}

export async function pushScore(workspaceId: string, conversationId: string, payload: BehavioralScorePayload): Promise<{ created: boolean; score: ScoreView }> {
  await assertConversation(workspaceId, conversationId);
  const { created, score } = await recordPushedScore(workspaceId, conversationId, payload);
  return { created, score: scoreView(score) };
}

/** The score the CRM will get on the next sync; null when the conversation has none yet. */
export async function previewScore(workspaceId: string, conversationId: string): Promise<ScoreView | null> {
  await assertConversation(workspaceId, conversationId);
  const score = await currentScore(workspaceId, conversationId);
  return score ? scoreView(score) : null;
}
