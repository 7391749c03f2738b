// Everything the review screen shows for one lead: the proposal with its
// evidence, confidence and validation flags, the transcript, possible
// duplicates with their reasons, the labeled scores, the CRM links and sync
// state, and the audit log. Scoped by workspace.
import { listAuditTrail } from "./audit-trail";
import { loadTranscript } from "@/lib/conversations/transcript";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { currentScore } from "@/lib/scoring/scores";
import { findDuplicateCandidates } from "./duplicates";
import { crmContactUrl } from "@/lib/crm/record-url";
import { phoneFromWaId } from "@/lib/phone/canonical";
import { isOpenStatus } from "./lead-status";
import { undoWindow } from "./review";

export async function leadDetail(workspaceId: string, proposalId: string) {
  const proposal = await db().leadProposal.findFirst({
    where: { id: proposalId, workspaceId },
    select: {
      id: true,
      conversationId: true,
      status: true,
      version: true,
      name: true,
      email: true,
      phone: true,
      phoneE164: true,
      emailNormalized: true,
      company: true,
      productInterest: true,
      urgencyLevel: true,
      evidence: true,
      confidence: true,
      validation: true,
      qualifies: true,
      insufficientReason: true,
      failureReason: true,
      failurePhrase: true,
      extractor: true,
      extractedAt: true,
      contactId: true,
      reviewedBy: true,
      reviewedAt: true,
      ownerId: true,
      owner: { select: { email: true, name: true } },
      rejectReason: true,
      rejectNote: true,
      syncStatus: true,
      syncError: true,
      updatedAt: true,
      workspace: { select: { defaultCountry: true, products: true, crmConnection: { select: { accountId: true, uiDomain: true } } } },
      conversation: { select: { contactWaId: true, crmLinks: { select: { crmSystem: true, crmAccount: true, crmContactId: true, crmLeadId: true, linkedAt: true } } } },
    },
  });
  if (!proposal) throw notFound("Lead");
  const [transcript, duplicates, score, audit] = await Promise.all([
    loadTranscript(workspaceId, proposal.conversationId),
    findDuplicateCandidates(workspaceId, {
      name: proposal.name,
      email: proposal.emailNormalized,
      // The phone given and the WhatsApp number written from: a second conversation from the same number.
      phones: [proposal.phoneE164, proposal.phone, phoneFromWaId(proposal.conversation.contactWaId)].filter((phone): phone is string => Boolean(phone?.startsWith("+"))),
      company: proposal.company,
      excludeProposalId: proposal.id,
      excludeContactId: proposal.contactId,
    }),
    currentScore(workspaceId, proposal.conversationId),
    listAuditTrail(workspaceId, proposal.id),
  ]);
  const { workspace, conversation, ...lead } = proposal;
  return {
    lead,
    /** Time left to undo the decision (null while the lead is open). */
    undo: isOpenStatus(lead.status) ? null : undoWindow(lead.reviewedAt, new Date()),
    defaultCountry: workspace.defaultCountry,
    products: workspace.products,
    crmLinks: conversation.crmLinks.map((link) => ({ ...link, url: crmContactUrl(link, workspace.crmConnection) })),
    transcript,
    duplicates,
    // summary and fields in English (the CRM's words); the values behind them for the dashboard to word in the reader's language.
    score: score && {
      source: score.source,
      version: score.version,
      summary: score.labels.summary,
      fields: score.labels.fields,
      objectionType: score.objectionType,
      followUpTone: score.followUpTone,
      band: score.labels.band,
      intentText: score.labels.intentText,
      known: score.labels.objectionKnown && score.labels.toneKnown,
    },
    audit,
  };
}

export type LeadDetail = Awaited<ReturnType<typeof leadDetail>>;
