// Turns a provider's draft into the ExtractionResult both providers return: the
// same email/phone validation, WhatsApp fallback, profile-name checks,
// qualification and reviewer flags, whoever produced the draft.
import { fold } from "./text";
import { contactValueFlags, normalizeEmail, qualify, readPhone, readWhatsAppId, validationFlags, type PhoneReading } from "./validation";
import type { ConversationInput, Evidence, ExtractionResult, FieldMap, LeadFields, LeadProposalDraft, ReviewFlag } from "./types";

export function finalizeProposal(input: ConversationInput, draft: LeadProposalDraft, provider: string): ExtractionResult {
  const flags: ReviewFlag[] = [...draft.flags];

  const email = draft.email ? normalizeEmail(draft.email.value) : null;
  flags.push(...contactValueFlags(email, null));

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
  flags.push(...contactValueFlags(null, phone));
  if (draft.whatsAppNumberDisowned) {
    flags.push({ code: "whatsapp_number_not_owned", field: "phone", message: "The prospect says the WhatsApp number belongs to someone else" });
  }

  const name = draft.name?.value ?? null;
  const profile = input.contact.profileName;
  if (name && profile && !sameFirstName(name, profile) && !flags.some((flag) => flag.code === "name_from_profile")) {
    flags.push({ code: "name_differs_from_profile", field: "name", message: `The name given ("${name}") differs from the WhatsApp profile ("${profile}")`, params: { name, profile } });
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
