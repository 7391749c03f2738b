// The one-line JSON shape `lead:extract` prints for each conversation (and the
// shape other tools can consume): lead, validation, qualification, evidence,
// confidence, with nulls for missing values.
import type { ExtractionOutcome, ExtractionResult } from "./types";

export interface LeadLine {
  id: string;
  lead: ExtractionResult["lead"] | null;
  validation: { email_valid: boolean | null; phone_valid: boolean | null; phone_type: string | null } | null;
  qualifies: boolean;
  insufficient_reason: string | null;
  evidence: ExtractionResult["evidence"] | null;
  confidence: ExtractionResult["confidence"] | null;
  flags: ExtractionResult["flags"];
  provider: string;
  /** Set when the provider failed (e.g. the LLM's answer was not valid JSON). */
  error?: string;
}

export function toLeadLine(outcome: ExtractionOutcome): LeadLine {
  if (!outcome.ok) {
    return {
      id: outcome.conversationId,
      lead: null,
      validation: null,
      qualifies: false,
      insufficient_reason: null,
      evidence: null,
      confidence: null,
      flags: [],
      provider: outcome.provider,
      error: outcome.reason,
    };
  }
  const { result } = outcome;
  return {
    id: result.conversationId,
    lead: result.lead,
    validation: { email_valid: result.validation.email_valid, phone_valid: result.validation.phone_valid, phone_type: result.validation.phone_type },
    qualifies: result.qualifies,
    insufficient_reason: result.insufficientReason,
    evidence: result.evidence,
    confidence: result.confidence,
    flags: result.flags,
    provider: result.provider,
  };
}
