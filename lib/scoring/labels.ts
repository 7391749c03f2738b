// Turns a BehavioralScore (intent 0..1, objection_type, follow_up_tone) into
// words a salesperson can act on: one readable line and the three CRM fields
// "Lead Score", "Primary Objection", "Recommended Approach".
// A raw number never leaves here without its band; unknown vocabulary is shown
// as unknown; an invalid score or band set is an error, not a guess.
import { intentBandsSchema, type IntentBands } from "./schemas";
import {
  isFollowUpTone,
  isObjectionType,
  normalizeVocabularyValue,
  OBJECTION_WORDING,
  TONE_WORDING,
} from "./vocabulary";

export type IntentBand = "High" | "Medium" | "Low";

export type BehavioralScoreInput = { intentScore: number; objectionType: string; followUpTone: string };

export type BehavioralScoreLabels = {
  /** "High intent — timing objection — recommend urgency alignment" */
  summary: string;
  band: IntentBand;
  /** The intent score as the Lead Score field shows it ("0.73"), for the dashboard's own words around it. */
  intentText: string;
  /** The CRM fields, keyed as the CRM shows them. */
  fields: { "Lead Score": string; "Primary Objection": string; "Recommended Approach": string };
  objectionKnown: boolean;
  toneKnown: boolean;
};

export class InvalidBehavioralScoreError extends Error {
  override readonly name = "InvalidBehavioralScoreError";
}

function assertIntentScore(score: number): void {
  if (typeof score !== "number" || !Number.isFinite(score)) {
    throw new InvalidBehavioralScoreError(`intent score must be a finite number between 0 and 1, got ${String(score)}`);
  }
  if (score < 0 || score > 1) {
    throw new InvalidBehavioralScoreError(`intent score must be between 0 and 1, got ${score}`);
  }
}

function parseBands(bands: IntentBands): IntentBands {
  const parsed = intentBandsSchema.safeParse(bands);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".") || "bands"} ${issue.message}`).join("; ");
    throw new InvalidBehavioralScoreError(`invalid intent bands: ${detail}`);
  }
  return parsed.data;
}

export function intentBand(score: number, bands: IntentBands): IntentBand {
  assertIntentScore(score);
  const { high, medium } = parseBands(bands);
  if (score >= high) return "High";
  if (score >= medium) return "Medium";
  return "Low";
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * Truncated, not rounded: 0.6999 is Medium and must not read "Medium (0.70)"
 * next to a 0.7 threshold. Shows as many decimals as the thresholds use (at least 2).
 */
export function formatIntentScore(score: number, bands: IntentBands): string {
  const decimals = Math.min(6, Math.max(2, decimalsOf(bands.high), decimalsOf(bands.medium)));
  const factor = 10 ** decimals;
  const truncated = Math.floor(score * factor + 1e-9) / factor;
  return truncated.toFixed(decimals);
}

function describeObjection(raw: string): { phrase: string; field: string; known: boolean } {
  const value = normalizeVocabularyValue(raw);
  if (isObjectionType(value)) return { ...OBJECTION_WORDING[value], known: true };
  const unknown = `Unknown objection (${JSON.stringify(raw)})`;
  return { phrase: unknown.charAt(0).toLowerCase() + unknown.slice(1), field: unknown, known: false };
}

function describeTone(raw: string): { phrase: string; field: string; known: boolean } {
  const value = normalizeVocabularyValue(raw);
  if (isFollowUpTone(value)) return { ...TONE_WORDING[value], known: true };
  const unknown = `Unknown approach (${JSON.stringify(raw)})`;
  return { phrase: unknown.charAt(0).toLowerCase() + unknown.slice(1), field: unknown, known: false };
}

export function labelBehavioralScores(score: BehavioralScoreInput, bands: IntentBands): BehavioralScoreLabels {
  const band = intentBand(score.intentScore, bands);
  const objection = describeObjection(score.objectionType);
  const tone = describeTone(score.followUpTone);
  const intentText = formatIntentScore(score.intentScore, bands);
  return {
    summary: `${band} intent — ${objection.phrase} — recommend ${tone.phrase}`,
    band,
    intentText,
    fields: {
      "Lead Score": `${band} (${intentText})`,
      "Primary Objection": objection.field,
      "Recommended Approach": tone.field,
    },
    objectionKnown: objection.known,
    toneKnown: tone.known,
  };
}
