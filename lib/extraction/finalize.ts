// Turns a provider's draft into the ExtractionResult both providers return: the
// same email/phone validation, WhatsApp fallback, profile-name checks,
// qualification and reviewer flags, whoever produced the draft.
import { fold } from "./text";
import { emailTypoHint, isValidEmail, normalizeEmail, qualify, readPhone, readWhatsAppId, validationFlags, type PhoneReading } from "./validation";
import type { ConversationInput, Evidence, ExtractionResult, FieldMap, LeadFields, LeadProposalDraft, ReviewFlag } from "./types";

export function finalizeProposal(input: ConversationInput, draft: LeadProposalDraft, provider: string): ExtractionResult {
  const flags: ReviewFlag[] = [...draft.flags];

  const email = draft.email ? normalizeEmail(draft.email.value) : null;
  if (email && !isValidEmail(email)) {
    flags.push({ code: "email_invalid", field: "email", message: `"${email}" is not a valid email address` });
  } else if (email) {
    const hint = emailTypoHint(email);
    if (hint) flags.push({ code: "email_typo_hint", field: "email", message: `"${email}" looks like a typo of "${hint}"`, suggestion: hint });
  }

  let phone: PhoneReading | null = null;
  let phoneEvidence: Evidence | null = null;
  let phoneConfidence = 0;
  if (draft.phone) {
    phone = readPhone(draft.phone.value, input.defaultCountry);
    phoneEvidence = draft.phone.evidence;
    phoneConfidence = draft.phone.confidence;
  }
  if (!phone) {
    phone = readWhatsAppId(input.contact.waId, input.defaultCountry);
    if (phone) {
      phoneConfidence = draft.whatsAppNumberDisowned ? 0.3 : 0.9;
      flags.push({ code: "phone_from_whatsapp", field: "phone", message: "No phone in the text: using the channel-verified WhatsApp number" });
    }
  }
  if (phone && !phone.valid) flags.push({ code: "phone_invalid", field: "phone", message: `${phone.e164} is not a valid phone number for its country` });
  if (draft.whatsAppNumberDisowned) {
    flags.push({ code: "whatsapp_number_not_owned", field: "phone", message: "The prospect says the WhatsApp number belongs to someone else" });
  }

  const name = draft.name?.value ?? null;
  const profile = input.contact.profileName;
  if (name && profile && !sameFirstName(name, profile) && !flags.some((flag) => flag.code === "name_from_profile")) {
    flags.push({ code: "name_differs_from_profile", field: "name", message: `The name given ("${name}") differs from the WhatsApp profile ("${profile}")` });
  }

  const lead: LeadFields = {
    name,
    email,
    phone: phone?.e164 ?? null,
    company: draft.company?.value ?? null,
    product_interest: draft.product_interest?.value ?? null,
    urgency_level: draft.urgency_level.value,
  };
  const validation = validationFlags(email, phone);
  const evidence: FieldMap<Evidence | null> = {
    name: draft.name?.evidence ?? null,
    email: draft.email?.evidence ?? null,
    phone: phoneEvidence,
    company: draft.company?.evidence ?? null,
    product_interest: draft.product_interest?.evidence ?? null,
    urgency_level: draft.urgency_level.evidence,
  };
  const confidence: FieldMap<number> = {
    name: round(draft.name?.confidence ?? 0),
    email: round(draft.email ? draft.email.confidence * (validation.email_valid ? 1 : 0.6) : 0),
    phone: round(phone ? phoneConfidence * (phone.valid ? 1 : 0.6) : 0),
    company: round(draft.company?.confidence ?? 0),
    product_interest: round(draft.product_interest?.confidence ?? 0),
    urgency_level: round(draft.urgency_level.confidence),
  };
  const { qualifies, insufficientReason } = qualify(lead, validation);
  return { conversationId: input.id, provider, lead, evidence, confidence, validation, qualifies, insufficientReason, flags };
}

function sameFirstName(a: string, b: string): boolean {
  const first = (text: string) => fold(text).match(/\p{L}+/u)?.[0] ?? "";
  return first(a) !== "" && first(a) === first(b);
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100;
}
