// The fields a reviewer sees and edits on a proposed lead, and their validation
// re-run on every edit (the same rules extraction uses). Pure: the review
// screen runs it live in the browser and the server runs it again on approve.
import { z } from "zod";
import { contactValueFlags, emailTypoHint, isValidEmail, normalizeEmail, qualify, readPhone, validationFlags } from "@/lib/extraction/validation";
import type { LeadField, ReviewFlag, ValidationFlags } from "@/lib/extraction/types";
import { phrase, type Phrase } from "@/lib/i18n/phrase";

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
  /** The flags the values earn as they are now (invalid email, typo, invalid phone). */
  valueFlags: ReviewFlag[];
  /** Contact values given but not valid: kept on the contact only after the reviewer confirms. */
  invalidContactFields: ("email" | "phone")[];
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
  const valueFlags = contactValueFlags(email, phone);
  if (values.phone && !phone) valueFlags.push({ code: "phone_invalid", field: "phone", message: `"${values.phone}" cannot be read as a phone number` });
  return {
    values: { ...values, email },
    emailNormalized: email && isValidEmail(email) ? email : null,
    phoneE164: phone?.valid ? phone.e164 : null,
    validation,
    emailTypoSuggestion: email ? emailTypoHint(email) : null,
    valueFlags,
    invalidContactFields: [...(validation.email_valid === false ? (["email"] as const) : []), ...(validation.phone_valid === false ? (["phone"] as const) : [])],
    qualifies,
    insufficientReason,
  };
}

/** The review form's field for each of extraction's field names. */
export const FORM_FIELD: Record<LeadField, LeadFieldName> = {
  name: "name",
  email: "email",
  phone: "phone",
  company: "company",
  product_interest: "productInterest",
  urgency_level: "urgencyLevel",
};

const VALUE_FLAG_CODES = new Set<string>(["email_invalid", "email_typo_hint", "phone_invalid"]);

/**
 * The flags a lead carries as the reviewer left it: the value flags raised
 * again from the current values, and extraction's other flags only while their
 * field still holds the extracted value (a corrected name drops "differs from
 * the profile"; a typed phone drops "from the WhatsApp number"). Shown live in
 * the review form and stored with the approval.
 */
export function reviewFlags(extractedFlags: readonly ReviewFlag[], extracted: LeadValues, check: LeadCheck): ReviewFlag[] {
  const unchanged = (field: LeadField | null) => field === null || (extracted[FORM_FIELD[field]] ?? null) === (check.values[FORM_FIELD[field]] ?? null);
  const kept = extractedFlags.filter((flag) => !VALUE_FLAG_CODES.has(flag.code) && unchanged(flag.field));
  return [...kept, ...check.valueFlags];
}

/** A reason to confirm before approving, as a code and the value at fault (the dashboard words it from its catalogs). */
export type ApprovalProblem = { code: "email_invalid" | "phone_invalid" | "no_contact_method"; value: string | null };

/**
 * What a reviewer must confirm before approving: a contact value that is not
 * valid (kept, never silently dropped) or no valid way to reach the person at
 * all. Empty when nothing needs confirming.
 */
export function approvalProblems(check: LeadCheck): ApprovalProblem[] {
  const problems: ApprovalProblem[] = [];
  if (check.validation.email_valid === false) problems.push({ code: "email_invalid", value: check.values.email });
  if (check.validation.phone_valid === false) problems.push({ code: "phone_invalid", value: check.values.phone });
  if (check.validation.email_valid !== true && check.validation.phone_valid !== true) problems.push({ code: "no_contact_method", value: null });
  return problems;
}

const APPROVAL_WARNING: Record<ApprovalProblem["code"], (value: string | null) => string> = {
  email_invalid: (value) => `The email "${value}" is not valid. The contact keeps it, marked as not valid, and it is not sent to the CRM.`,
  phone_invalid: (value) => `The phone "${value}" is not valid. It stays on the lead but is not saved as the contact's phone.`,
  no_contact_method: () => "There is no valid email or phone: nobody will be able to reach this person from the CRM.",
};

/** approvalProblems as phrases: plain English words (the API's answer) with the code and value the dashboard words. */
export function approvalWarnings(check: LeadCheck): Phrase[] {
  return approvalProblems(check).map((problem) => phrase(problem.code, APPROVAL_WARNING[problem.code](problem.value), { value: problem.value ?? "" }));
}
