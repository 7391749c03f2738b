// Replays a workspace's approved (and merged) leads through extraction, for
// `eval:extraction --workspace W`: "before" is what extraction proposed at the
// time (the approved values with each corrected field set back to what
// extraction had said), "after" is the embedded extractor now, with the
// product synonyms learned from every other lead's corrections (never from the
// lead's own); both are scored against what the reviewers approved.
import { db } from "@/lib/db/client";
import { extractWithRules } from "@/lib/extraction/embedded-provider";
import { evaluate, type EvaluationReport, type ExpectedLead } from "@/lib/extraction/evaluation";
import { learnProductSynonyms } from "@/lib/extraction/learning";
import type { ExtractionResult, LeadField, LeadFields, UrgencyLevel } from "@/lib/extraction/types";
import { conversationInput } from "./extract-lead";
import { reviewedConversations } from "./learning";

/** At most this many of the newest reviewed leads are replayed. */
const REPLAYED = 2_000;

export interface ReplayReport {
  leads: number;
  before: EvaluationReport;
  after: EvaluationReport;
}

export async function replayApprovedLeads(workspaceId: string): Promise<ReplayReport> {
  const workspace = await db().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { products: true } });
  const proposals = await db().leadProposal.findMany({
    where: { workspaceId, status: { in: ["approved", "merged"] } },
    orderBy: { reviewedAt: "desc" },
    take: REPLAYED,
    select: {
      conversationId: true,
      name: true,
      email: true,
      phone: true,
      phoneE164: true,
      company: true,
      productInterest: true,
      urgencyLevel: true,
      corrections: { select: { field: true, extractedValue: true } },
    },
  });
  const reviewed = await reviewedConversations(workspaceId);
  const before: Array<{ result: ExtractionResult; expected: ExpectedLead }> = [];
  const after: Array<{ result: ExtractionResult; expected: ExpectedLead }> = [];
  for (const proposal of proposals) {
    const approved: LeadFields = {
      name: proposal.name,
      email: proposal.email,
      phone: proposal.phoneE164 ?? proposal.phone,
      company: proposal.company,
      product_interest: proposal.productInterest,
      urgency_level: (proposal.urgencyLevel ?? "low") as UrgencyLevel,
    };
    const expected: ExpectedLead = { ...approved, qualifies: true };
    const proposed = { ...approved } as Record<LeadField, string | null>;
    for (const { field, extractedValue } of proposal.corrections) proposed[field as LeadField] = extractedValue;
    before.push({ result: { conversationId: proposal.conversationId, lead: proposed as unknown as LeadFields, qualifies: true } as ExtractionResult, expected });

    const { input } = await conversationInput(workspaceId, proposal.conversationId);
    const productSynonyms = learnProductSynonyms(workspace.products, reviewed, proposal.conversationId);
    after.push({ result: extractWithRules({ ...input, learning: { productSynonyms, corrections: [] } }), expected });
  }
  return { leads: proposals.length, before: evaluate(before), after: evaluate(after) };
}
