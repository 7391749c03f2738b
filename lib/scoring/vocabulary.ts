// The fixed vocabularies of a BehavioralScore (objection_type, follow_up_tone)
// and the words a salesperson reads for each value. A value outside these lists
// is shown as unknown by labels.ts, never mapped to the nearest known one.

export const OBJECTION_TYPES = ["price", "timing", "trust", "authority", "need", "competitor", "none"] as const;
export type ObjectionType = (typeof OBJECTION_TYPES)[number];

export const FOLLOW_UP_TONES = [
  "urgency_alignment",
  "reassurance",
  "value_proof",
  "nurture",
  "social_proof",
  "decision_support",
  "competitive_contrast",
  "direct_close",
] as const;
export type FollowUpTone = (typeof FOLLOW_UP_TONES)[number];

type Wording = {
  /** Used inside the one-line summary: "timing objection". */
  phrase: string;
  /** The CRM field text: what it is and what to do about it. */
  field: string;
};

export const OBJECTION_WORDING: Record<ObjectionType, Wording> = {
  price: { phrase: "price objection", field: "Price: finds it too expensive" },
  timing: { phrase: "timing objection", field: "Timing: not ready to buy yet" },
  trust: { phrase: "trust objection", field: "Trust: unsure we are reliable" },
  authority: { phrase: "authority objection", field: "Authority: someone else decides" },
  need: { phrase: "need objection", field: "Need: not convinced they need it" },
  competitor: { phrase: "competitor objection", field: "Competitor: comparing with another offer" },
  none: { phrase: "no objection", field: "None raised" },
};

export const TONE_WORDING: Record<FollowUpTone, Wording> = {
  urgency_alignment: {
    phrase: "urgency alignment",
    field: "Urgency alignment: tie the offer to the date that matters to them",
  },
  reassurance: { phrase: "reassurance", field: "Reassurance: answer doubts, share guarantees and reviews" },
  value_proof: { phrase: "value proof", field: "Value proof: show what they get for the price" },
  nurture: { phrase: "nurture", field: "Nurture: stay in touch with useful information, no pressure" },
  social_proof: { phrase: "social proof", field: "Social proof: share customer stories like theirs" },
  decision_support: {
    phrase: "decision support",
    field: "Decision support: give them what the decision-maker needs to say yes",
  },
  competitive_contrast: {
    phrase: "competitive contrast",
    field: "Competitive contrast: show plainly how we differ from the other offer",
  },
  direct_close: { phrase: "direct close", field: "Direct close: propose the next step and a date now" },
};

/** "Timing", " urgency-alignment " -> "timing", "urgency_alignment": case and separators only, no guessing. */
export function normalizeVocabularyValue(value: string): string {
  return value.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

export function isObjectionType(value: string): value is ObjectionType {
  return (OBJECTION_TYPES as readonly string[]).includes(value);
}

export function isFollowUpTone(value: string): value is FollowUpTone {
  return (FOLLOW_UP_TONES as readonly string[]).includes(value);
}
