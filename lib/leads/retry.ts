// A reviewer's retries: extraction that failed or is stale, and a CRM sync that
// failed for good (after its cause was fixed). Both go through the outbox.
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { extractLeadJob } from "@/lib/jobs/extract-lead";
import { syncLeadJob } from "@/lib/jobs/sync-lead";
import { recordAuditEvent } from "@/lib/audit/record";
import type { ReviewActor } from "./review";
import { REVIEWED_STATUSES } from "./extract-lead";

export async function retryExtraction(workspaceId: string, proposalId: string, actor: ReviewActor): Promise<void> {
  const proposal = await db().leadProposal.findFirst({ where: { id: proposalId, workspaceId }, select: { conversationId: true, status: true } });
  if (!proposal) throw notFound("Lead");
  if ((REVIEWED_STATUSES as readonly string[]).includes(proposal.status)) throw new AppError("conflict", `This lead is already ${proposal.status}; undo that first.`);
  await db().$transaction(async (tx) => {
    await extractLeadJob.enqueue(tx, { conversationId: proposal.conversationId }, { workspaceId, dedupeKey: proposal.conversationId });
    await recordAuditEvent({ ...actor, workspaceId, action: "lead.extraction_retried", targetType: "lead_proposal", targetId: proposalId }, tx);
  });
}

export async function retrySync(workspaceId: string, proposalId: string, actor: ReviewActor): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.leadProposal.updateMany({
      where: { id: proposalId, workspaceId, syncStatus: "failed", status: { in: ["approved", "merged"] } },
      data: { syncStatus: "queued", syncError: null },
    });
    if (count === 0) {
      const exists = await tx.leadProposal.count({ where: { id: proposalId, workspaceId } });
      if (!exists) throw notFound("Lead");
      throw new AppError("conflict", "Only a failed sync of an approved lead can be retried.");
    }
    await syncLeadJob.enqueue(tx, { leadProposalId: proposalId }, { workspaceId, dedupeKey: proposalId });
    await recordAuditEvent({ ...actor, workspaceId, action: "lead.sync_retried", targetType: "lead_proposal", targetId: proposalId }, tx);
  });
}
