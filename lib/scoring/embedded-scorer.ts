// The default BehavioralScore when the chatbot platform pushes none: computed
// from the conversation's own words, deterministic and explainable. Every point
// of intent and the objection chosen come with the signals (message id + quote)
// that drove them, so a reviewer can see why.
import { chronological, type ConversationMessage } from "./conversation";
import {
  BUYING_SIGNAL_CUES,
  competitorNameCue,
  NEGATED_URGENCY,
  OBJECTION_CUES,
  type BuyingSignalKind,
  type ObjectionCue,
} from "./cues";
import { findCue, foldText, quoteAround } from "./text-match";
import type { FollowUpTone, ObjectionType } from "./vocabulary";

export const EMBEDDED_SCORER_VERSION = 1;

/** What a prospect writing at all is worth: they engaged, but said nothing else. */
const ENGAGED_BASE = 0.1;

/** Intent points per buying signal, counted once per conversation however often repeated. */
export const BUYING_SIGNAL_WEIGHTS: Record<BuyingSignalKind, number> = {
  asks_price: 0.2,
  gives_contact: 0.2,
  urgency: 0.15,
  wants_call_or_visit: 0.2,
  wants_to_buy: 0.25,
};

/** Objections that lower intent: a prospect who says they do not need it is not hot. */
const OBJECTION_PENALTY: Partial<Record<ObjectionCue, number>> = { need: 0.3, timing: 0.1 };

export type ScoreSignal = {
  kind: BuyingSignalKind | `objection:${ObjectionCue}`;
  messageId: string;
  quote: string;
  /** What it added to (or took from) the intent score. */
  effect: number;
};

export type EmbeddedScore = {
  intentScore: number;
  objectionType: ObjectionType;
  followUpTone: FollowUpTone;
  version: number;
  signals: ScoreSignal[];
};

export type EmbeddedScorerOptions = { competitorNames?: readonly string[] };

type Hit = { kind: ScoreSignal["kind"]; messageId: string; quote: string; order: number };

function findHits(messages: ConversationMessage[], options: EmbeddedScorerOptions): Hit[] {
  const competitorNames = competitorNameCue(options.competitorNames ?? []);
  const hits: Hit[] = [];
  messages.forEach((message, order) => {
    if (message.role !== "user") return;
    const text = foldText(message.text);
    const record = (kind: Hit["kind"], cue: RegExp) => {
      const match = findCue(text, cue);
      if (match) hits.push({ kind, messageId: message.id, quote: quoteAround(message.text, match.start, match.end), order });
    };
    for (const [kind, cue] of Object.entries(BUYING_SIGNAL_CUES) as [BuyingSignalKind, RegExp][]) {
      if (kind === "urgency" && findCue(text, NEGATED_URGENCY)) continue;
      record(kind, cue);
    }
    for (const [kind, cue] of Object.entries(OBJECTION_CUES) as [ObjectionCue, RegExp][]) record(`objection:${kind}`, cue);
    if (competitorNames && !hits.some((hit) => hit.order === order && hit.kind === "objection:competitor")) {
      record("objection:competitor", competitorNames);
    }
  });
  return hits;
}

/** Most mentioned objection wins; a tie goes to the one raised last (the live one). */
function primaryObjection(hits: Hit[]): ObjectionCue | null {
  const tally = new Map<ObjectionCue, { count: number; last: number }>();
  for (const hit of hits) {
    if (!hit.kind.startsWith("objection:")) continue;
    const kind = hit.kind.slice("objection:".length) as ObjectionCue;
    const entry = tally.get(kind) ?? { count: 0, last: -1 };
    tally.set(kind, { count: entry.count + 1, last: Math.max(entry.last, hit.order) });
  }
  let best: [ObjectionCue, { count: number; last: number }] | null = null;
  for (const entry of tally) {
    if (!best || entry[1].count > best[1].count || (entry[1].count === best[1].count && entry[1].last > best[1].last)) best = entry;
  }
  return best ? best[0] : null;
}

/**
 * Tone follows the objection; without one it follows intent (0.7 / 0.4, the
 * default bands: tone must not change when a workspace retunes its labels).
 */
export function deriveFollowUpTone(intentScore: number, objection: ObjectionType, urgent: boolean): FollowUpTone {
  switch (objection) {
    case "price":
      return "value_proof";
    case "trust":
      return "reassurance";
    case "authority":
      return "decision_support";
    case "competitor":
      return "competitive_contrast";
    case "need":
      return "nurture";
    case "timing":
      return urgent || intentScore >= 0.7 ? "urgency_alignment" : "nurture";
    case "none":
      if (urgent) return "urgency_alignment";
      if (intentScore >= 0.7) return "direct_close";
      return intentScore >= 0.4 ? "value_proof" : "nurture";
  }
}

const round2 = (value: number) => Math.round(value * 100) / 100;

export function scoreConversation(
  messages: readonly ConversationMessage[],
  options: EmbeddedScorerOptions = {},
): EmbeddedScore {
  const ordered = chronological(messages);
  const hits = findHits(ordered, options);
  const signals: ScoreSignal[] = [];
  const prospectWrote = ordered.some((message) => message.role === "user" && message.text.trim() !== "");
  let intent = prospectWrote ? ENGAGED_BASE : 0;

  const counted = new Set<string>();
  for (const hit of hits) {
    if (hit.kind.startsWith("objection:") || counted.has(hit.kind)) continue;
    counted.add(hit.kind);
    const effect = BUYING_SIGNAL_WEIGHTS[hit.kind as BuyingSignalKind];
    intent += effect;
    signals.push({ kind: hit.kind, messageId: hit.messageId, quote: hit.quote, effect });
  }

  const objection = primaryObjection(hits);
  for (const hit of hits) {
    if (!hit.kind.startsWith("objection:")) continue;
    const isPrimary = hit.kind === `objection:${objection}`;
    const effect = isPrimary && !counted.has(hit.kind) ? -(OBJECTION_PENALTY[objection as ObjectionCue] ?? 0) : 0;
    counted.add(hit.kind);
    intent += effect;
    signals.push({ kind: hit.kind, messageId: hit.messageId, quote: hit.quote, effect });
  }

  const intentScore = round2(Math.min(1, Math.max(0, intent)));
  const objectionType: ObjectionType = objection ?? "none";
  return {
    intentScore,
    objectionType,
    followUpTone: deriveFollowUpTone(intentScore, objectionType, counted.has("urgency")),
    version: EMBEDDED_SCORER_VERSION,
    signals,
  };
}
