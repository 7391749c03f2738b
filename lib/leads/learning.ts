// The database edge of learning from reviewers: reads a workspace's
// corrections (lead_corrections) and its reviewed leads once, and hands the
// pure learner (lib/extraction/learning.ts) what it needs: product synonyms for
// the embedded rules, the most relevant recent corrections for the LLM. The
// synonyms are recomputed only when the workspace's corrections change.
import { db } from "@/lib/db/client";
import { learnProductSynonyms, relevantCorrections, type ReviewedConversation, type StoredCorrection } from "@/lib/extraction/learning";
import type { LeadField, WorkspaceLearning } from "@/lib/extraction/types";

/** How far back learning reads: the newest corrections and reviewed leads. */
const RECENT_CORRECTIONS = 500;
const RECENT_REVIEWED = 300;

const REVIEWED = ["approved", "merged"];

/** The reviewed conversations of a workspace: approved product, whether it was corrected, the prospect's words about it. */
export async function reviewedConversations(workspaceId: string): Promise<ReviewedConversation[]> {
  const proposals = await db().leadProposal.findMany({
    where: { workspaceId, status: { in: REVIEWED } },
    orderBy: { reviewedAt: "desc" },
    take: RECENT_REVIEWED,
    select: { conversationId: true, productInterest: true, corrections: { where: { field: "product_interest" }, select: { evidence: true } } },
  });
  const messages = await db().message.findMany({
    where: { workspaceId, conversationId: { in: proposals.map(({ conversationId }) => conversationId) }, role: "user" },
    orderBy: { sentAt: "asc" },
    select: { conversationId: true, body: true },
  });
  const texts = new Map<string, string[]>();
  for (const { conversationId, body } of messages) texts.set(conversationId, [...(texts.get(conversationId) ?? []), body]);
  return proposals.map(({ conversationId, productInterest, corrections }) => {
    const quote = (corrections[0]?.evidence as { quote?: unknown } | null)?.quote;
    return {
      conversationId,
      product: productInterest,
      productCorrected: corrections.length > 0,
      prospectText: typeof quote === "string" ? quote : (texts.get(conversationId) ?? []).join("\n"),
    };
  });
}

/** The workspace's recent corrections, newest first, with extraction's quote. */
export async function recentCorrections(workspaceId: string): Promise<Array<StoredCorrection & { conversationId: string }>> {
  const rows = await db().leadCorrection.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take: RECENT_CORRECTIONS,
    select: { field: true, extractedValue: true, approvedValue: true, evidence: true, createdAt: true, leadProposal: { select: { conversationId: true } } },
  });
  return rows.map((row) => {
    const quote = (row.evidence as { quote?: unknown } | null)?.quote;
    return {
      field: row.field as LeadField,
      extracted: row.extractedValue,
      approved: row.approvedValue,
      quote: typeof quote === "string" ? quote : null,
      createdAt: row.createdAt,
      conversationId: row.leadProposal.conversationId,
    };
  });
}

const synonymCache = new Map<string, { key: string; catalog: string; synonyms: Record<string, string[]> }>();

/** What the workspace's reviewers taught, for one conversation (its catalog and the prospect's words). */
export async function workspaceLearning(workspaceId: string, catalog: string[], prospectText: string): Promise<WorkspaceLearning> {
  const corrections = await recentCorrections(workspaceId);
  const productCorrections = corrections.filter(({ field }) => field === "product_interest");
  const key = `${productCorrections.length}:${productCorrections[0]?.createdAt.getTime() ?? 0}`;
  const cached = synonymCache.get(workspaceId);
  let productSynonyms: Record<string, string[]>;
  if (cached && cached.key === key && cached.catalog === JSON.stringify(catalog)) {
    productSynonyms = cached.synonyms;
  } else {
    productSynonyms = productCorrections.length === 0 ? {} : learnProductSynonyms(catalog, await reviewedConversations(workspaceId));
    synonymCache.set(workspaceId, { key, catalog: JSON.stringify(catalog), synonyms: productSynonyms });
  }
  return { productSynonyms, corrections: relevantCorrections(corrections, prospectText) };
}
