// A review-queue row: a conversation beside the lead proposed from it, with the
// validation summary a reviewer scans (email valid/invalid/typo, phone valid +
// type + country + "from WhatsApp"), one confidence figure and its word, and
// the duplicate badge's count. Pure mapping from the stored columns; JSON-safe
// (dates as ISO strings) so the server page, the API and the table share it.

export type EmailCheck = "valid" | "invalid" | "typo";
export type ConfidenceLevel = "high" | "medium" | "low";

export type PhoneCheck = {
  valid: boolean;
  /** mobile | fixed_line | fixed_line_or_mobile | voip | ... (libphonenumber's type); null when invalid. */
  type: string | null;
  /** ISO 3166 alpha-2. */
  country: string | null;
  /** The phone is the WhatsApp number the prospect wrote from (not one they typed). */
  fromWhatsApp: boolean;
};

export type QueueProposal = {
  id: string;
  status: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  productInterest: string | null;
  urgencyLevel: string | null;
  emailCheck: EmailCheck | null;
  /** The likely intended address when the email looks like a typo. */
  emailSuggestion: string | null;
  phoneCheck: PhoneCheck | null;
  /** Review flag codes (lib/extraction/types.ts FlagCode). */
  flags: string[];
  /** 0..1: the weaker of the name and the best contact method. */
  confidence: number | null;
  confidenceLevel: ConfidenceLevel | null;
  qualifies: boolean;
  syncStatus: string;
  /** The member who owns the lead (null: nobody yet). */
  ownerId: string | null;
  /** Exact duplicate candidates: other contacts or non-rejected proposals with the same phone or email. */
  duplicateCount: number;
  createdAt: string;
};

export type QueueRow = {
  conversationId: string;
  /** The WhatsApp profile name. */
  contactName: string | null;
  contactWaId: string;
  language: string | null;
  lastMessageAt: string;
  messageCount: number;
  lastMessage: string | null;
  proposal: QueueProposal | null;
};

export type QueuePage = { rows: QueueRow[]; nextCursor: string | null };

type StoredValidation = {
  email_valid?: boolean | null;
  phone_valid?: boolean | null;
  phone_type?: string | null;
  phone_country?: string | null;
  flags?: { code?: string; suggestion?: string }[];
};

type StoredConfidence = Partial<Record<"name" | "email" | "phone", number>>;

export type StoredProposal = {
  id: string;
  status: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  productInterest: string | null;
  urgencyLevel: string | null;
  validation: unknown;
  confidence: unknown;
  qualifies: boolean;
  syncStatus: string;
  ownerId: string | null;
  createdAt: Date;
};

export function confidenceLevel(value: number | null): ConfidenceLevel | null {
  if (value === null) return null;
  return value >= 0.8 ? "high" : value >= 0.5 ? "medium" : "low";
}

/** How sure extraction is of the lead: the weaker of its name and its best contact method (fields it found). */
export function leadConfidence(lead: { name: string | null; email: string | null; phone: string | null }, stored: unknown): number | null {
  const confidence = (stored && typeof stored === "object" ? stored : {}) as StoredConfidence;
  const score = (field: "name" | "email" | "phone") => (lead[field] && typeof confidence[field] === "number" ? confidence[field] : null);
  const contact = Math.max(score("email") ?? -1, score("phone") ?? -1);
  const parts = [score("name"), contact >= 0 ? contact : null].filter((value): value is number => value !== null);
  return parts.length > 0 ? Math.min(...parts) : null;
}

export function toQueueProposal(stored: StoredProposal, duplicateCount: number): QueueProposal {
  const validation = (stored.validation && typeof stored.validation === "object" ? stored.validation : {}) as StoredValidation;
  const flags = (validation.flags ?? []).flatMap((flag) => (typeof flag?.code === "string" ? [flag] : []));
  const codes = flags.map((flag) => flag.code!);
  const typo = flags.find((flag) => flag.code === "email_typo_hint");
  const emailCheck: EmailCheck | null = !stored.email ? null : typo ? "typo" : validation.email_valid === true ? "valid" : "invalid";
  const phoneCheck: PhoneCheck | null =
    stored.phone && typeof validation.phone_valid === "boolean"
      ? { valid: validation.phone_valid, type: validation.phone_type ?? null, country: validation.phone_country ?? null, fromWhatsApp: codes.includes("phone_from_whatsapp") }
      : null;
  const confidence = leadConfidence(stored, stored.confidence);
  return {
    id: stored.id,
    status: stored.status,
    name: stored.name,
    email: stored.email,
    phone: stored.phone,
    company: stored.company,
    productInterest: stored.productInterest,
    urgencyLevel: stored.urgencyLevel,
    emailCheck,
    emailSuggestion: typo?.suggestion ?? null,
    phoneCheck,
    flags: codes,
    confidence,
    confidenceLevel: confidenceLevel(confidence),
    qualifies: stored.qualifies,
    syncStatus: stored.syncStatus,
    ownerId: stored.ownerId,
    duplicateCount,
    createdAt: stored.createdAt.toISOString(),
  };
}
