// The lead detail as the review screen receives it (GET /api/v1/leads/{id}):
// lib/leads/detail.ts's shape with dates as ISO strings.
import type { Jsonified } from "@/app/_components/jsonified";
import type { LeadDetail } from "@/lib/leads/detail";

export type LeadDetailData = Jsonified<LeadDetail>;
export type Evidence = { messageId: string; quote: string } | null;
export type ReviewFlag = { code: string; field: string | null; message: string; suggestion?: string; messageId?: string; params?: Record<string, string | number> };

/** The extractor's field names (evidence, confidence) for the review form's fields. */
export const EXTRACTION_FIELD: Record<string, string> = {
  name: "name",
  email: "email",
  phone: "phone",
  company: "company",
  productInterest: "product_interest",
  urgencyLevel: "urgency_level",
};

export function confidenceWord(value: number | undefined): string {
  if (value === undefined) return "unknown";
  if (value >= 0.8) return "high";
  if (value >= 0.5) return "medium";
  return "low";
}
