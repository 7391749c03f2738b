// Zod schemas for what enters scoring from outside: a BehavioralScore pushed by
// the chatbot platform, and a workspace's intent band thresholds (Workspace.intentBands).
import { z } from "zod";

const unitInterval = z
  .number({ error: "must be a number" })
  .refine(Number.isFinite, "must be a finite number")
  .min(0, "must be at least 0")
  .max(1, "must be at most 1");

/**
 * A score pushed by the platform. objection_type and follow_up_tone are free
 * strings here on purpose: a value the platform adds before we do is stored and
 * shown as unknown, not rejected.
 */
export const behavioralScorePayloadSchema = z.object({
  intent_score: unitInterval,
  objection_type: z.string().trim().min(1, "must not be empty").max(64),
  follow_up_tone: z.string().trim().min(1, "must not be empty").max(64),
  // behavioral_scores.version is a PostgreSQL integer (at most 2^31 - 1).
  version: z.int32("must be an integer from 1 to 2147483647").positive("must be positive"),
});
export type BehavioralScorePayload = z.infer<typeof behavioralScorePayloadSchema>;

/** Per-workspace thresholds: score >= high is High, >= medium is Medium, else Low. */
export const intentBandsSchema = z
  .object({ high: unitInterval, medium: unitInterval })
  .refine((bands) => bands.medium < bands.high, { message: "medium must be below high", path: ["medium"] });
export type IntentBands = z.infer<typeof intentBandsSchema>;

export const DEFAULT_INTENT_BANDS: IntentBands = { high: 0.7, medium: 0.4 };
