// The extraction contract: what a provider reads (a conversation shaped after the
// export format) and what it proposes (a lead with evidence, confidence,
// validation flags and reviewer flags), plus the provider interface itself.
import type { Phrase, PhraseParams } from "@/lib/i18n/phrase";

export type MessageRole = "user" | "assistant" | "agent";

export interface ConversationMessage {
  id: string;
  role: MessageRole;
  content: string;
  /** ISO-8601 timestamp with offset, as exported. */
  at: string;
}

/** A reviewer's correction, shown to the LLM as an example: what extraction said, what the person approved, the words behind it. */
export interface CorrectionExample {
  field: LeadField;
  extracted: string | null;
  approved: string | null;
  quote: string | null;
}

/** What a workspace's reviewers taught extraction (lib/extraction/learning.ts). */
export interface WorkspaceLearning {
  /** Per catalog product name: words its prospects use for it (the embedded rules read them as the product). */
  productSynonyms: Record<string, string[]>;
  /** The reviewers' corrections most relevant to this conversation (the LLM sees them as examples). */
  corrections: CorrectionExample[];
}

export interface ConversationInput {
  id: string;
  /** ISO 3166 alpha-2: how local phone numbers are read for this workspace. */
  defaultCountry: string;
  /** The workspace's catalog; product_interest is one of these or null. */
  products: string[];
  contact: { waId: string; profileName: string | null };
  messages: ConversationMessage[];
  /** What the workspace's reviewers taught; none when absent. */
  learning?: WorkspaceLearning;
}

export type UrgencyLevel = "low" | "medium" | "high";

export interface LeadFields {
  name: string | null;
  email: string | null;
  /** E.164 when it can be read; the digits as given (with country code) otherwise. */
  phone: string | null;
  company: string | null;
  product_interest: string | null;
  urgency_level: UrgencyLevel;
}

export type LeadField = keyof LeadFields;
export const LEAD_FIELDS: readonly LeadField[] = ["name", "email", "phone", "company", "product_interest", "urgency_level"];

/** Each lead field in English words (the CRM note; the dashboard reads its catalogs). */
export const LEAD_FIELD_WORDS: Record<LeadField, string> = {
  name: "Name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  product_interest: "Product",
  urgency_level: "Urgency",
};

/** The message and the words behind a value. */
export interface Evidence {
  messageId: string;
  quote: string;
}

export type PhoneType =
  | "mobile"
  | "fixed_line"
  | "fixed_line_or_mobile"
  | "toll_free"
  | "premium_rate"
  | "shared_cost"
  | "voip"
  | "personal_number"
  | "pager"
  | "uan"
  | "voicemail"
  | "unknown";

export interface ValidationFlags {
  /** null when no email was given. */
  email_valid: boolean | null;
  /** null when there is no phone at all. */
  phone_valid: boolean | null;
  phone_type: PhoneType | null;
  phone_country: string | null;
}

export type FlagCode =
  | "phone_from_whatsapp"
  | "whatsapp_number_not_owned"
  | "phone_invalid"
  | "email_invalid"
  | "email_typo_hint"
  | "name_from_profile"
  | "name_differs_from_profile"
  | "value_corrected"
  | "prompt_injection_ignored"
  | "unsupported_value"
  | "product_not_in_catalog"
  | "extractors_disagree"
  | "llm_unavailable";

/** Something a reviewer should look at before approving. */
export interface ReviewFlag {
  code: FlagCode;
  field: LeadField | null;
  message: string;
  /** A suggested replacement (e.g. the corrected email domain). */
  suggestion?: string;
  messageId?: string;
  /** The values `message` is built from, for the dashboard to word the flag in the reader's language (lib/i18n/phrase.ts). */
  params?: PhraseParams;
}

export type FieldMap<T> = { [K in LeadField]: T };

export interface ExtractionResult {
  conversationId: string;
  provider: string;
  lead: LeadFields;
  evidence: FieldMap<Evidence | null>;
  confidence: FieldMap<number>;
  validation: ValidationFlags;
  qualifies: boolean;
  /** Why the lead does not qualify; null when it does. */
  insufficientReason: string | null;
  flags: ReviewFlag[];
}

export type ExtractionOutcome =
  | { ok: true; result: ExtractionResult }
  | {
      ok: false;
      conversationId: string;
      provider: string;
      reason: string;
      /** The same reason as a code and its values, for the dashboard to word (none: only `reason` is known). */
      reasonPhrase?: Phrase;
      /** The provider was unreachable, slow or overloaded: the same call may succeed later (not a bad answer). */
      retryable?: boolean;
    };

export interface LeadExtractor {
  readonly name: string;
  extract(input: ConversationInput): Promise<ExtractionOutcome>;
}

/** A value a provider proposes for a field, before validation and qualification. */
export interface FieldProposal<T> {
  value: T;
  evidence: Evidence | null;
  confidence: number;
}

/** What a provider proposes; `finalizeProposal` turns it into an ExtractionResult. */
export interface LeadProposalDraft {
  name: FieldProposal<string> | null;
  email: FieldProposal<string> | null;
  /** Phone typed in the conversation (raw text); null means fall back to the WhatsApp number. */
  phone: FieldProposal<string> | null;
  company: FieldProposal<string> | null;
  product_interest: FieldProposal<string> | null;
  urgency_level: FieldProposal<UrgencyLevel>;
  /** True when the prospect says the WhatsApp number is not theirs. */
  whatsAppNumberDisowned: boolean;
  flags: ReviewFlag[];
}
