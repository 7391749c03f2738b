// What people read for the lead vocabulary (lib/leads/lead-status.ts and the
// queue's filters): every status, sync state, reject reason, urgency and flag
// in plain words from the catalogs (messages/*.json, "lead"), so no raw code
// ("sync none") reaches the screen. Each helper takes the root translator
// (useTranslations() in a client component, await getTranslations() on the
// server); an unknown code shows as it is.
import type { LeadStatus, RejectReason } from "@/lib/leads/lead-status";

/** A translator at the catalog's root (next-intl's t). */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** The reasons in the order the reject dialog offers them (the first is its default). */
export const REJECT_REASON_CHOICES: RejectReason[] = ["not_a_lead", "spam", "duplicate", "wrong_number", "other"];

function word(t: Translate, key: string, code: string): string {
  return t.has(key) ? t(key) : code;
}

export function leadStatusWords(t: Translate, status: LeadStatus | "not_extracted" | string): string {
  return word(t, `lead.status.${status}`, status);
}

/** The CRM sync state; null when there is nothing worth saying (not approved yet). */
export function syncStatusWords(t: Translate, status: string): string | null {
  return status === "none" ? null : word(t, `lead.sync.${status}`, status);
}

export function rejectReasonWords(t: Translate, reason: string): string {
  return word(t, `lead.rejectReason.${reason}`, reason);
}

export function urgencyWords(t: Translate, level: string): string {
  return word(t, `lead.urgency.${level}`, level);
}

/**
 * A review flag in words. A flag that carries the values of its sentence
 * (params) is worded from them ("lead.flagPhrases.<code>"); the others by the
 * catalog's words for their code with the field's current value
 * ("lead.flags.<code>"); a code neither knows (or a flag stored before flags
 * carried params) shows the server's message.
 */
export function flagWords(t: Translate, flag: { code: string; message: string; suggestion?: string; params?: Record<string, string | number> }, value: string | null): string {
  const phraseKey = `lead.flagPhrases.${flag.code}`;
  if (flag.params && t.has(phraseKey)) return t(phraseKey, flag.params);
  const key = `lead.flags.${flag.code}`;
  return t.has(key) ? t(key, { value: value ?? "", suggestion: flag.suggestion ?? "" }) : flag.message;
}
