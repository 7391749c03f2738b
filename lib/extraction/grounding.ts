// Checks an LLM's proposal against the conversation before anyone sees it:
// each value must come from a real, non-injected prospect message (or, for the
// product, a catalog name backed by the chat) and be found in the text. A value
// that is not supported is dropped and flagged, never silently kept.
import { emailCandidatesIn } from "./embedded/emails";
import { isInjectionText } from "./injection";
import { fold } from "./text";
import { normalizeEmail, readPhone, readWhatsAppId } from "./validation";
import type { LlmLead } from "./llm-schema";
import type { ConversationInput, ConversationMessage, Evidence, FieldProposal, LeadField, LeadProposalDraft, ReviewFlag, UrgencyLevel } from "./types";

type Grounded = NonNullable<LlmLead["name"]>;

function squash(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}@]+/gu, "");
}

export function groundLlmLead(input: ConversationInput, proposal: LlmLead): LeadProposalDraft {
  const flags: ReviewFlag[] = [];
  const byId = new Map(input.messages.map((message) => [message.id, message]));
  const injected = new Set(input.messages.filter((message) => message.role === "user" && isInjectionText(message.content)).map((message) => message.id));
  const prospect = input.messages.filter((message) => message.role === "user" && !injected.has(message.id));
  const prospectText = squash(prospect.map((message) => message.content).join(" "));

  for (const id of injected) {
    flags.push({ code: "prompt_injection_ignored", field: null, message: "A message reads like instructions to the extractor and cannot support lead values", messageId: id });
  }

  /** `why`: the code of the English reason (the catalog words each). */
  const WHY = { not_written: "the prospect never wrote it", not_in_messages: "it is not in the prospect's messages", digits_not_in_messages: "those digits are not in the prospect's messages", quote_not_genuine: "its quote is not in a genuine message of the conversation" } as const;
  const reject = (field: LeadField, value: string, why: keyof typeof WHY) => {
    flags.push({ code: "unsupported_value", field, message: `The model proposed "${value}" for ${field}, but ${WHY[why]}; it was dropped`, params: { proposed: value, why } });
    return null;
  };

  /** The evidence when the model's message id and quote check out; null otherwise. */
  const evidenceFor = (grounded: Grounded, allowBusiness: boolean): Evidence | null => {
    const message: ConversationMessage | undefined = byId.get(grounded.message_id);
    if (!message || injected.has(message.id)) return null;
    if (message.role !== "user" && !allowBusiness) return null;
    if (!squash(message.content).includes(squash(grounded.quote)) || squash(grounded.quote) === "") return null;
    return { messageId: message.id, quote: grounded.quote };
  };

  const accept = (value: string, evidence: Evidence | null): FieldProposal<string> => ({ value, evidence, confidence: evidence ? 0.85 : 0.7 });

  const name = ((): FieldProposal<string> | null => {
    if (!proposal.name) return null;
    const value = proposal.name.value.trim();
    const words = fold(value).split(/\s+/).map(squash).filter(Boolean);
    const evidence = evidenceFor(proposal.name, false);
    if (words.length > 0 && words.every((word) => prospectText.includes(word))) return accept(value, evidence);
    const profile = squash(input.contact.profileName ?? "");
    if (words.length > 0 && words.every((word) => profile.includes(word))) {
      flags.push({ code: "name_from_profile", field: "name", message: `The name "${value}" comes from the WhatsApp profile, not the conversation`, params: { name: value } });
      return { value, evidence: null, confidence: 0.6 };
    }
    return reject("name", value, "not_written");
  })();

  const email = ((): FieldProposal<string> | null => {
    if (!proposal.email) return null;
    const value = normalizeEmail(proposal.email.value);
    const written = prospect.flatMap((message) => emailCandidatesIn(message.content));
    const [local = "", domain = ""] = value.split(/@+/);
    const domainHead = domain.split(".")[0] ?? "";
    const spelled = local !== "" && prospectText.includes(squash(local)) && prospectText.includes(squash(domainHead));
    if (written.some((candidate) => candidate.value === value) || spelled) return accept(value, evidenceFor(proposal.email, false));
    return reject("email", value, "not_in_messages");
  })();

  const phone = ((): FieldProposal<string> | null => {
    if (!proposal.phone) return null;
    const value = proposal.phone.value.trim();
    const reading = readPhone(value, input.defaultCountry);
    const whatsApp = readWhatsAppId(input.contact.waId, input.defaultCountry);
    if (reading && whatsApp && reading.e164 === whatsApp.e164 && !prospectText.includes(whatsApp.e164.slice(-8))) return null;
    const national = reading ? reading.e164.replace(/\D/g, "").slice(-8) : value.replace(/\D/g, "");
    const digits = prospect.map((message) => message.content.replace(/\D/g, "")).join("");
    if (national.length >= 6 && digits.includes(national)) return accept(value, evidenceFor(proposal.phone, false));
    return reject("phone", value, "digits_not_in_messages");
  })();

  const company = ((): FieldProposal<string> | null => {
    if (!proposal.company) return null;
    const value = proposal.company.value.trim();
    if (squash(value) !== "" && prospectText.includes(squash(value))) return accept(value, evidenceFor(proposal.company, false));
    return reject("company", value, "not_written");
  })();

  const product = ((): FieldProposal<string> | null => {
    if (!proposal.product_interest) return null;
    const value = proposal.product_interest.value.trim();
    const catalogName = input.products.find((name) => fold(name) === fold(value));
    if (!catalogName) {
      flags.push({ code: "product_not_in_catalog", field: "product_interest", message: `The model proposed "${value}", which is not in the catalog; it was dropped`, params: { proposed: value } });
      return null;
    }
    const evidence = evidenceFor(proposal.product_interest, true);
    if (!evidence) return reject("product_interest", value, "quote_not_genuine");
    return accept(catalogName, evidence);
  })();

  const urgency = ((): FieldProposal<UrgencyLevel> => {
    const { value, message_id: messageId, quote } = proposal.urgency_level;
    if (value === "low") return { value, evidence: null, confidence: 0.6 };
    const evidence = messageId && quote ? evidenceFor({ value, message_id: messageId, quote }, false) : null;
    if (evidence) return { value, evidence, confidence: 0.8 };
    flags.push({ code: "unsupported_value", field: "urgency_level", message: `The model proposed "${value}" urgency without a quote from the prospect; read as low`, params: { proposed: value, why: "no_urgency_quote" } });
    return { value: "low", evidence: null, confidence: 0.3 };
  })();

  return {
    name,
    email,
    phone,
    company,
    product_interest: product,
    urgency_level: urgency,
    whatsAppNumberDisowned: proposal.whatsapp_number_not_owned,
    flags,
  };
}
