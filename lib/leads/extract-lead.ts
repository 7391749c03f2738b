// Extracts a conversation's lead and stores it as its LeadProposal: proposed
// when it qualifies, insufficient (with the reason) when it does not, failed
// (with the reason, retryable by a reviewer) when the provider returned
// something unusable. A proposal a reviewer already acted on is left alone.
// The transcript and the workspace are read once and passed to what follows
// (the embedded score, the follow-up proposal); the workspace's reviewers'
// corrections teach the extractor (lib/leads/learning.ts).
import { loadTranscript, type Transcript } from "@/lib/conversations/transcript";
import { db, Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { phrase } from "@/lib/i18n/phrase";
import { notFound } from "@/lib/errors";
import { extractorFor, type ConversationInput, type ExtractionOutcome, type ProviderName } from "@/lib/extraction";
import { canonicalPhone } from "@/lib/phone/canonical";
import { proposeFollowUp } from "@/lib/followups/propose-for-conversation";
import { assignNewLeadOwner } from "@/lib/owners/assign";
import { refreshEmbeddedScore } from "@/lib/scoring/scores";
import { metrics } from "@/lib/observability/metrics";
import { workspaceLearning } from "./learning";

export const REVIEWED_STATUSES = ["approved", "merged", "rejected"] as const;

export type ExtractLeadResult = { status: "proposed" | "insufficient" | "failed" | "skipped"; proposalId: string | null; reason?: string };

/** A conversation as extraction reads it, with what the workspace's reviewers taught, and the transcript it came from. */
export async function conversationInput(workspaceId: string, conversationId: string): Promise<{ input: ConversationInput; transcript: Transcript }> {
  const [workspace, transcript] = await Promise.all([
    db().workspace.findUnique({ where: { id: workspaceId }, select: { defaultCountry: true, products: true } }),
    loadTranscript(workspaceId, conversationId),
  ]);
  if (!workspace) throw notFound("Workspace");
  const messages = transcript.messages.map((message) => ({ id: message.id, role: message.role, content: message.text, at: message.sentAt.toISOString() }));
  const prospectText = messages.filter(({ role }) => role === "user").map(({ content }) => content).join("\n");
  const input: ConversationInput = {
    id: conversationId,
    defaultCountry: workspace.defaultCountry,
    products: workspace.products,
    contact: { waId: transcript.contactWaId, profileName: transcript.contactProfileName },
    // Evidence points at our message ids, which the review screen highlights.
    messages,
    learning: await workspaceLearning(workspaceId, workspace.products, prospectText),
  };
  return { input, transcript };
}

/** The proposal columns an extraction outcome sets. */
export function proposalFields(outcome: ExtractionOutcome): Omit<Prisma.LeadProposalUncheckedCreateInput, "workspaceId" | "conversationId"> {
  if (!outcome.ok) {
    return {
      status: "failed",
      failureReason: outcome.reason,
      failurePhrase: outcome.reasonPhrase ?? phrase("extraction_failed", outcome.reason, { detail: outcome.reason }),
      extractor: outcome.provider,
      extractedAt: new Date(),
      qualifies: false,
    };
  }
  const { result } = outcome;
  const { lead } = result;
  return {
    status: result.qualifies ? "proposed" : "insufficient",
    name: lead.name,
    email: lead.email,
    emailNormalized: lead.email?.toLowerCase() ?? null,
    phone: lead.phone,
    phoneE164: lead.phone ? canonicalPhone(lead.phone) : null,
    company: lead.company,
    productInterest: lead.product_interest,
    urgencyLevel: lead.urgency_level,
    evidence: result.evidence as unknown as Prisma.InputJsonValue,
    confidence: result.confidence as unknown as Prisma.InputJsonValue,
    validation: { ...result.validation, flags: result.flags } as unknown as Prisma.InputJsonValue,
    qualifies: result.qualifies,
    insufficientReason: result.insufficientReason,
    failureReason: null,
    failurePhrase: Prisma.DbNull,
    extractor: result.provider,
    extractedAt: new Date(),
  };
}

type ProposalFields = ReturnType<typeof proposalFields>;

/** Stores the proposal; written only if no reviewer acted meanwhile (the status check is in the update's filter). */
async function writeProposal(workspaceId: string, conversationId: string, existing: { id: string } | null, fields: ProposalFields): Promise<{ id: string } | null> {
  if (!existing) return db().leadProposal.create({ data: { workspaceId, conversationId, ...fields }, select: { id: true } });
  const { count } = await db().leadProposal.updateMany({
    where: { id: existing.id, status: { notIn: [...REVIEWED_STATUSES] } },
    data: { ...fields, version: { increment: 1 } },
  });
  return count === 1 ? existing : null;
}

/**
 * Background extraction gave up (the provider kept failing): the lead shows as
 * failed with the reason, and a reviewer can retry it. A reviewed lead is left alone.
 */
export async function recordExtractionGaveUp(workspaceId: string, conversationId: string, reason: string): Promise<void> {
  const conversation = await db().conversation.findFirst({ where: { id: conversationId, workspaceId }, select: { id: true } });
  if (!conversation) return;
  const existing = await db().leadProposal.findUnique({ where: { conversationId }, select: { id: true, workspaceId: true } });
  if (existing && existing.workspaceId !== workspaceId) return;
  await writeProposal(workspaceId, conversationId, existing, proposalFields({ ok: false, conversationId, provider: env().EXTRACTION_PROVIDER, reason, reasonPhrase: phrase("extraction_gave_up", reason) }));
}

export async function extractLead(workspaceId: string, conversationId: string, provider?: ProviderName): Promise<ExtractLeadResult> {
  const existing = await db().leadProposal.findUnique({ where: { conversationId }, select: { id: true, status: true, workspaceId: true } });
  if (existing && existing.workspaceId !== workspaceId) throw notFound("Conversation");
  if (existing && (REVIEWED_STATUSES as readonly string[]).includes(existing.status)) {
    return { status: "skipped", proposalId: existing.id, reason: `a reviewer already ${existing.status} this lead` };
  }
  const { input, transcript } = await conversationInput(workspaceId, conversationId);
  const outcome = await extractorFor(provider ?? env().EXTRACTION_PROVIDER).extract(input);
  // The provider is down or slow: a later attempt may succeed, so nothing is stored now.
  if (!outcome.ok && outcome.retryable) throw new Error(`The extraction provider failed: ${outcome.reason}`);
  const fields = proposalFields(outcome);
  const proposal = await writeProposal(workspaceId, conversationId, existing, fields);
  if (!proposal) return { status: "skipped", proposalId: existing?.id ?? null, reason: "a reviewer acted while it was being extracted" };
  // Counted once stored, so a scrape never reports an extraction the database does not show yet.
  metrics.extractions.inc({ provider: provider ?? env().EXTRACTION_PROVIDER, outcome: fields.status });
  await refreshEmbeddedScore(workspaceId, conversationId, transcript);
  // A lead for review gets its owner from the workspace's rules (once: a reviewer's choice stays).
  if (fields.status !== "failed") await assignNewLeadOwner(workspaceId, proposal.id);
  // The follow-up the conversation asks for, proposed now and scheduled on approval
  // (only for a lead that can be approved).
  if (fields.status === "proposed") await proposeFollowUp(workspaceId, conversationId, new Date(), transcript);
  return { status: fields.status as ExtractLeadResult["status"], proposalId: proposal.id, reason: outcome.ok ? (outcome.result.insufficientReason ?? undefined) : outcome.reason };
}
