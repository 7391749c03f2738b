// The two providers together: the LLM proposes, the rules and the grounding
// verify. Each field takes the model's grounded value (the rules' when the
// model has none or its value was dropped); wherever the two read the
// conversation differently, the reviewer sees a flag with the rules' reading
// as the suggestion. When the model cannot answer, the rules' lead stands,
// flagged, rather than no lead at all.
import { boundConversation } from "./bounds";
import { draftWithRules } from "./embedded-provider";
import { normalizeFor } from "./evaluation";
import { finalizeProposal } from "./finalize";
import type { LlmDrafter } from "./llm-provider";
import type { ConversationInput, ExtractionOutcome, FieldProposal, LeadExtractor, LeadField, LeadProposalDraft, ReviewFlag } from "./types";

const DRAFT_FIELDS = ["name", "email", "phone", "company", "product_interest", "urgency_level"] as const satisfies readonly LeadField[];

/** Merges the model's grounded draft with the rules' draft; pure. */
export function combineDrafts(input: ConversationInput, model: LeadProposalDraft, rules: LeadProposalDraft): LeadProposalDraft {
  // Compared as finalized values (phones in E.164, emails lowercased), as a reviewer would.
  const modelLead = finalizeProposal(input, model, "llm").lead;
  const rulesLead = finalizeProposal(input, rules, "embedded").lead;
  const flags: ReviewFlag[] = [...model.flags];
  const merged: LeadProposalDraft = { ...model, flags };
  for (const field of DRAFT_FIELDS) {
    const fromModel = modelLead[field];
    const fromRules = rulesLead[field];
    if (normalizeFor(field, fromModel) === normalizeFor(field, fromRules)) continue;
    if (field !== "urgency_level" && model[field] === null && rules[field] !== null) {
      (merged as unknown as Record<string, FieldProposal<string> | null>)[field] = rules[field] as FieldProposal<string>;
    }
    flags.push({
      code: "extractors_disagree",
      field,
      message: `The model read ${JSON.stringify(fromModel)} for ${field}, the rules ${JSON.stringify(fromRules)}`,
      params: { model: fromModel ?? "—", rules: fromRules ?? "—" },
      ...(fromRules !== null ? { suggestion: fromRules } : {}),
    });
  }
  // The rules' own notes about the fields they supplied (a profile name, a corrected value) still apply.
  for (const flag of rules.flags) if (flag.field && merged[flag.field as keyof LeadProposalDraft] === rules[flag.field as keyof LeadProposalDraft]) flags.push(flag);
  return merged;
}

export function createCombinedExtractor(draftWithModel: LlmDrafter): LeadExtractor {
  const name = "combined";
  return {
    name,
    async extract(whole: ConversationInput): Promise<ExtractionOutcome> {
      const input = boundConversation(whole);
      const rules = draftWithRules(input);
      const drafted = await draftWithModel(input);
      if (!drafted.ok) {
        const flag: ReviewFlag = { code: "llm_unavailable", field: null, message: `The model could not check this lead (${drafted.reason.message}); the rules' reading is shown`, params: { reason: drafted.reason.message } };
        return { ok: true, result: finalizeProposal(input, { ...rules, flags: [...rules.flags, flag] }, name) };
      }
      return { ok: true, result: finalizeProposal(input, combineDrafts(input, drafted.draft, rules), name) };
    },
  };
}
