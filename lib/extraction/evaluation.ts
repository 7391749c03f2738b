// Scores extraction results against the `expected` block of fixture files:
// per-field accuracy after the fixture README's normalization, qualification
// accuracy, precision and recall, and the list of misses.
import { z } from "zod";
import { fold } from "./text";
import type { ExtractionResult, LeadField } from "./types";

export const expectedLeadSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  product_interest: z.string().nullable(),
  urgency_level: z.enum(["low", "medium", "high"]),
  qualifies: z.boolean(),
  email_valid: z.boolean().nullable().optional(),
  phone_valid: z.boolean().nullable().optional(),
});
export type ExpectedLead = z.infer<typeof expectedLeadSchema>;

export const EVALUATED_FIELDS: readonly LeadField[] = ["name", "email", "phone", "company", "product_interest", "urgency_level"];

/** A field's value as evaluation and reviewers' corrections compare it (the fixture README's matching rules). */
export function normalizeFor(field: LeadField, value: string | null): string | null {
  if (value === null) return null;
  switch (field) {
    case "email":
      return value.trim().toLowerCase();
    case "phone":
      return `+${value.replace(/\D/g, "")}`;
    case "product_interest":
      return value.trim();
    case "name":
    case "company":
      return fold(value).replace(/\s+/g, "");
    default:
      return value;
  }
}

export interface Miss {
  conversationId: string;
  field: LeadField | "qualifies" | "email_valid" | "phone_valid";
  expected: string | boolean | null;
  actual: string | boolean | null;
}

export interface EvaluationReport {
  conversations: number;
  fieldAccuracy: Record<LeadField, number>;
  /** Accuracy of email_valid / phone_valid over the cases whose expected block has them. */
  validationAccuracy: { email_valid: number; phone_valid: number };
  qualifies: { accuracy: number; precision: number; recall: number; truePositives: number; falsePositives: number; falseNegatives: number };
  misses: Miss[];
}

export function evaluate(cases: Array<{ result: ExtractionResult; expected: ExpectedLead }>): EvaluationReport {
  const misses: Miss[] = [];
  const correct = Object.fromEntries(EVALUATED_FIELDS.map((field) => [field, 0])) as Record<LeadField, number>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let qualifiesCorrect = 0;
  const checks = { email_valid: { right: 0, total: 0 }, phone_valid: { right: 0, total: 0 } };
  for (const { result, expected } of cases) {
    for (const flag of ["email_valid", "phone_valid"] as const) {
      const want = expected[flag];
      if (want === undefined) continue;
      checks[flag].total++;
      if (result.validation[flag] === want) checks[flag].right++;
      else misses.push({ conversationId: result.conversationId, field: flag, expected: want, actual: result.validation[flag] });
    }
    for (const field of EVALUATED_FIELDS) {
      const actual = result.lead[field];
      if (normalizeFor(field, actual) === normalizeFor(field, expected[field])) correct[field]++;
      else misses.push({ conversationId: result.conversationId, field, expected: expected[field], actual });
    }
    if (result.qualifies === expected.qualifies) qualifiesCorrect++;
    else misses.push({ conversationId: result.conversationId, field: "qualifies", expected: expected.qualifies, actual: result.qualifies });
    if (result.qualifies && expected.qualifies) tp++;
    if (result.qualifies && !expected.qualifies) fp++;
    if (!result.qualifies && expected.qualifies) fn++;
  }
  const total = Math.max(1, cases.length);
  const fieldAccuracy = Object.fromEntries(EVALUATED_FIELDS.map((field) => [field, correct[field] / total])) as Record<LeadField, number>;
  return {
    conversations: cases.length,
    fieldAccuracy,
    validationAccuracy: {
      email_valid: checks.email_valid.right / Math.max(1, checks.email_valid.total),
      phone_valid: checks.phone_valid.right / Math.max(1, checks.phone_valid.total),
    },
    qualifies: {
      accuracy: qualifiesCorrect / total,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
    },
    misses,
  };
}
