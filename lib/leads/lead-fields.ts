// The fields a reviewer sees and edits on a proposed lead, and their validation
// re-run on every edit (the same rules extraction uses). Pure: the review
// screen runs it live in the browser and the server runs it again on approve.
import { z } from "zod";
import { emailTypoHint, isValidEmail, normalizeEmail, qualify, readPhone, validationFlags } from "@/lib/extraction/validation";
import type { ValidationFlags } from "@/lib/extraction/types";

export const LEAD_FIELD_NAMES = ["name", "email", "phone", "company", "productInterest", "urgencyLevel"] as const;
export type LeadFieldName = (typeof LEAD_FIELD_NAMES)[number];

export type LeadValues = {
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  productInterest: string | null;
  urgencyLevel: "low" | "medium" | "high" | null;
};

const editableText = z
  .string()
  .trim()
  .max(320)
  .transform((value) => (value === "" ? null : value))
  .nullable();

/** A reviewer's edits: any subset of the fields; "" or null clears one. */
export const leadEditsSchema = z
  .object({
    name: editableText.optional(),
    email: editableText.optional(),
    phone: editableText.optional(),
    company: editableText.optional(),
    productInterest: editableText.optional(),
    urgencyLevel: z.enum(["low", "medium", "high"]).nullable().optional(),
  })
  .strict();
export type LeadEdits = z.infer<typeof leadEditsSchema>;

export type LeadCheck = {
  values: LeadValues;
  /** Lowercased email and E.164 phone, as stored for duplicate lookups. */
  emailNormalized: string | null;
  phoneE164: string | null;
  validation: ValidationFlags;
  emailTypoSuggestion: string | null;
  qualifies: boolean;
  insufficientReason: string | null;
};

export function applyEdits(values: LeadValues, edits: LeadEdits | undefined): LeadValues {
  if (!edits) return values;
  const next = { ...values };
  for (const field of LEAD_FIELD_NAMES) {
    if (edits[field] !== undefined) (next as Record<string, unknown>)[field] = edits[field];
  }
  return next;
}

/** Validates a lead as a reviewer left it; `defaultCountry` reads local phone numbers. */
export function checkLead(values: LeadValues, defaultCountry: string): LeadCheck {
  const email = values.email ? normalizeEmail(values.email) : null;
  const phone = values.phone ? readPhone(values.phone, defaultCountry) : null;
  const validation = validationFlags(email, phone);
  // A phone that cannot be read at all is still "given" and invalid.
  if (values.phone && !phone) validation.phone_valid = false;
  const { qualifies, insufficientReason } = qualify({ name: values.name, email, phone: phone?.e164 ?? values.phone }, validation);
  return {
    values: { ...values, email },
    emailNormalized: email && isValidEmail(email) ? email : null,
    phoneE164: phone?.valid ? phone.e164 : null,
    validation,
    emailTypoSuggestion: email ? emailTypoHint(email) : null,
    qualifies,
    insufficientReason,
  };
}
