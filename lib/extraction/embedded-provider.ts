// The embedded provider: extraction with rules and libraries, no network and no
// key. Reads the prospect's messages, proposes each field with evidence, then
// hands the draft to the shared validation and qualification. Reads the
// conversation within EXTRACTION_BOUNDS.
import { boundConversation } from "./bounds";
import { readConversation } from "./embedded/context";
import { findCompany } from "./embedded/company";
import { findEmail } from "./embedded/emails";
import { findName } from "./embedded/names";
import { findPhone } from "./embedded/phones";
import { findProduct } from "./embedded/product";
import { findUrgency } from "./embedded/urgency";
import { finalizeProposal } from "./finalize";
import type { ConversationInput, ExtractionResult, LeadExtractor, LeadProposalDraft, ReviewFlag } from "./types";

export function extractWithRules(whole: ConversationInput): ExtractionResult {
  const input = boundConversation(whole);
  return finalizeProposal(input, draftWithRules(input), "embedded");
}

/** The rules' draft for an (already bounded) conversation, before validation and qualification. */
export function draftWithRules(input: ConversationInput): LeadProposalDraft {
  const read = readConversation(input);
  const name = findName(read);
  const email = findEmail(read);
  const phone = findPhone(read);
  const injectionFlags: ReviewFlag[] = read.injected.map((message) => ({
    code: "prompt_injection_ignored",
    field: null,
    message: "A message reads like instructions to the extractor and was ignored as a source of lead values",
    messageId: message.id,
  }));
  const company = findCompany(read, name.name?.value ?? null);
  // The person's and company's own names are not product words ("Patel" is not "Panel").
  const ownNames = [name.name?.value, company?.value].filter((value): value is string => Boolean(value));
  const draft: LeadProposalDraft = {
    name: name.name,
    email: email.email,
    phone: phone.phone,
    company,
    product_interest: findProduct(read, ownNames, input.learning?.productSynonyms),
    urgency_level: findUrgency(read),
    whatsAppNumberDisowned: phone.whatsAppNumberDisowned,
    flags: [...injectionFlags, ...name.flags, ...email.flags, ...phone.flags],
  };
  return draft;
}

export const embeddedExtractor: LeadExtractor = {
  name: "embedded",
  async extract(input) {
    return { ok: true, result: extractWithRules(input) };
  },
};
