// Reviewers' corrections: every field a person changed before approving or
// merging a lead, with what extraction proposed, what the person approved and
// extraction's evidence. Written in the review's transaction (and removed by
// its undo), they measure extraction on the workspace's own conversations (the
// funnel's extraction accuracy) and teach the extractor.
import type { Prisma } from "@/lib/db/client";
import { normalizeFor } from "@/lib/extraction/evaluation";
import type { LeadField } from "@/lib/extraction/types";
import type { LeadFieldName, LeadValues } from "./lead-fields";

type Tx = Prisma.TransactionClient;

/** The review form's field names and extraction's names for the same fields. */
export const EXTRACTION_FIELD: Record<LeadFieldName, LeadField> = {
  name: "name",
  email: "email",
  phone: "phone",
  company: "company",
  productInterest: "product_interest",
  urgencyLevel: "urgency_level",
};

export type FieldCorrection = { field: LeadField; extractedValue: string | null; approvedValue: string | null };

/** The fields whose approved value differs from the extracted one, under evaluation's matching rules. Pure. */
export function diffCorrections(extracted: LeadValues, approved: LeadValues): FieldCorrection[] {
  const corrections: FieldCorrection[] = [];
  for (const [name, field] of Object.entries(EXTRACTION_FIELD) as [LeadFieldName, LeadField][]) {
    const extractedValue = extracted[name];
    const approvedValue = approved[name];
    if (normalizeFor(field, extractedValue) !== normalizeFor(field, approvedValue)) corrections.push({ field, extractedValue, approvedValue });
  }
  return corrections;
}

/** Records the corrections of one review, replacing any left from an earlier review of the same lead. */
export async function recordCorrections(
  tx: Tx,
  input: {
    workspaceId: string;
    leadProposalId: string;
    extracted: LeadValues;
    approved: LeadValues;
    /** The proposal's evidence JSON, keyed by extraction field. */
    evidence: Prisma.JsonValue;
    extractor: string | null;
    correctedBy: string | null;
  },
): Promise<FieldCorrection[]> {
  await dropCorrections(tx, input.leadProposalId);
  const corrections = diffCorrections(input.extracted, input.approved);
  if (corrections.length === 0) return corrections;
  const evidence = (input.evidence ?? {}) as Record<string, Prisma.InputJsonValue | null>;
  await tx.leadCorrection.createMany({
    data: corrections.map((correction) => ({
      workspaceId: input.workspaceId,
      leadProposalId: input.leadProposalId,
      field: correction.field,
      extractedValue: correction.extractedValue,
      approvedValue: correction.approvedValue,
      evidence: evidence[correction.field] ?? undefined,
      extractor: input.extractor,
      correctedBy: input.correctedBy,
    })),
  });
  return corrections;
}

/** Removes a lead's corrections (its review was undone). */
export async function dropCorrections(tx: Tx, leadProposalId: string): Promise<void> {
  await tx.leadCorrection.deleteMany({ where: { leadProposalId } });
}
