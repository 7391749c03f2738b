// Pure validation of contact details and the qualification rule: emails by
// pattern (with an obvious-typo hint), phones with libphonenumber read in the
// workspace's default country, and "a name AND a valid email or phone".
import { canonicalPhone, phoneFromWaId } from "@/lib/phone/canonical";
import { parsePhoneNumberWithError, type CountryCode, type NumberType } from "libphonenumber-js/max";
import { editDistance, trimEnd, trimStart } from "./text";
import type { LeadFields, PhoneType, ReviewFlag, ValidationFlags } from "./types";

const EMAIL_PATTERN = /^[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_%+-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/;

/** Lowercases and trims the punctuation a sentence leaves around an address. */
export function normalizeEmail(raw: string): string {
  return trimEnd(trimStart(raw.trim().toLowerCase(), "<(\"'“‘["), ">)\"'”’].,;:!?");
}

export function isValidEmail(email: string): boolean {
  return EMAIL_PATTERN.test(email) && !email.includes("..");
}

const COMMON_EMAIL_DOMAINS = [
  "gmail.com",
  "googlemail.com",
  "hotmail.com",
  "hotmail.co.uk",
  "hotmail.fr",
  "hotmail.es",
  "outlook.com",
  "live.com",
  "yahoo.com",
  "yahoo.co.uk",
  "yahoo.com.br",
  "yahoo.co.in",
  "yahoo.fr",
  "yahoo.es",
  "icloud.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "t-online.de",
  "uol.com.br",
  "bol.com.br",
  "terra.com.br",
  "rediffmail.com",
  "orange.fr",
  "free.fr",
  "comcast.net",
];

/** A likely intended address when the domain is one typo away from a common one. */
export function emailTypoHint(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const domain = email.slice(at + 1);
  if (COMMON_EMAIL_DOMAINS.includes(domain)) return null;
  let best: { domain: string; distance: number } | null = null;
  for (const candidate of COMMON_EMAIL_DOMAINS) {
    // Only distances up to two count: lengths further apart cannot be that close, and the comparison stops past two.
    if (Math.abs(domain.length - candidate.length) > 2) continue;
    const distance = editDistance(domain, candidate, 2);
    if (distance > 0 && distance <= 2 && (!best || distance < best.distance)) best = { domain: candidate, distance };
  }
  // Two edits only when the provider name itself is long enough to be unambiguous.
  if (!best || (best.distance === 2 && domain.split(".")[0]!.length < 5)) return null;
  return `${email.slice(0, at)}@${best.domain}`;
}

export interface PhoneReading {
  /** E.164 when parseable; "+" and the digits otherwise. */
  e164: string;
  valid: boolean;
  type: PhoneType | null;
  country: string | null;
}

const TYPE_NAMES: Record<NumberType & string, PhoneType> = {
  MOBILE: "mobile",
  FIXED_LINE: "fixed_line",
  FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
  TOLL_FREE: "toll_free",
  PREMIUM_RATE: "premium_rate",
  SHARED_COST: "shared_cost",
  VOIP: "voip",
  PERSONAL_NUMBER: "personal_number",
  PAGER: "pager",
  UAN: "uan",
  VOICEMAIL: "voicemail",
};

/** Rewrites international habits libphonenumber does not read: "00" prefix, "(0)" trunk. */
function tidyPhoneText(text: string): string {
  return text
    .trim()
    .replace(/^\s*00(?=[1-9])/, "+")
    .replace(/^(\+\d{1,3})\s*\(0\)\s*/, "$1 ")
    .replace(/\(0\)/g, "");
}

// One extraction reads the same number more than once (as typed, then the proposal's value to
// validate it; the WhatsApp id for every local candidate), and a parse costs ~17 µs. The last few
// readings are kept, frozen so they can be shared: enough for one conversation's numbers, too few
// to carry readings from one lead to the next.
const RECENT_READINGS = 16;
const recentReadings = new Map<string, PhoneReading | null>();

/** Reads a phone number as written, with the workspace's default country for local numbers. */
export function readPhone(text: string, defaultCountry: string): PhoneReading | null {
  const key = `${defaultCountry}\n${text}`;
  if (recentReadings.has(key)) return recentReadings.get(key)!;
  const parsed = parsePhoneText(text, defaultCountry);
  const reading = parsed && Object.freeze(parsed);
  if (recentReadings.size >= RECENT_READINGS) recentReadings.delete(recentReadings.keys().next().value!);
  recentReadings.set(key, reading);
  return reading;
}

function parsePhoneText(text: string, defaultCountry: string): PhoneReading | null {
  const tidy = tidyPhoneText(text);
  const digits = tidy.replace(/\D/g, "");
  if (digits.length < 6 || digits.length > 17) return null;
  try {
    const parsed = parsePhoneNumberWithError(tidy, { defaultCountry: defaultCountry as CountryCode });
    // An old-form number (Brazil without its 9th digit, Mexico's +521) is read in today's form.
    const canonical = canonicalPhone(parsed.number);
    const number = canonical === parsed.number ? parsed : parsePhoneNumberWithError(canonical);
    // A number with a type is valid (libphonenumber's isValid is "has a type" wherever types are known):
    // ask isValid only when there is none, so a valid number's patterns are matched once, not twice.
    const numberType = number.getType();
    const valid = numberType !== undefined || number.isValid();
    const type = valid ? (numberType ? TYPE_NAMES[numberType] : "unknown") : null;
    return { e164: number.number, valid, type, country: number.country ?? null };
  } catch {
    return tidy.startsWith("+") ? { e164: `+${digits}`, valid: false, type: null, country: null } : null;
  }
}

/** The phone behind a WhatsApp id (digits with country code, in old or new form). */
export function readWhatsAppId(waId: string, defaultCountry: string): PhoneReading | null {
  return readPhone(phoneFromWaId(waId), defaultCountry);
}

export interface Qualification {
  qualifies: boolean;
  insufficientReason: string | null;
}

/** A lead qualifies with a name AND at least one valid contact method. */
export function qualify(lead: Pick<LeadFields, "name" | "email" | "phone">, validation: ValidationFlags): Qualification {
  const hasName = Boolean(lead.name?.trim());
  const hasContact = validation.email_valid === true || validation.phone_valid === true;
  if (hasName && hasContact) return { qualifies: true, insufficientReason: null };
  const missing: string[] = [];
  if (!hasName) missing.push("no name was given");
  if (!hasContact) {
    const tried: string[] = [];
    if (lead.email) tried.push(`the email "${lead.email}" is not valid`);
    if (lead.phone) tried.push(`the phone ${lead.phone} is not valid`);
    missing.push(tried.length ? `no valid contact method (${tried.join("; ")})` : "no email or phone was given");
  }
  return { qualifies: false, insufficientReason: `Insufficient: ${missing.join(" and ")}.` };
}

export function validationFlags(email: string | null, phone: PhoneReading | null): ValidationFlags {
  return {
    email_valid: email === null ? null : isValidEmail(email),
    phone_valid: phone === null ? null : phone.valid,
    phone_type: phone?.type ?? null,
    phone_country: phone?.country ?? null,
  };
}

/**
 * The reviewer flags a contact value earns on its own (invalid email, a likely
 * typo, invalid phone): raised by extraction, and raised again from the values
 * a reviewer leaves, so a corrected value loses its flag.
 */
export function contactValueFlags(email: string | null, phone: PhoneReading | null): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  if (email && !isValidEmail(email)) {
    flags.push({ code: "email_invalid", field: "email", message: `"${email}" is not a valid email address` });
  } else if (email) {
    const hint = emailTypoHint(email);
    if (hint) flags.push({ code: "email_typo_hint", field: "email", message: `"${email}" looks like a typo of "${hint}"`, suggestion: hint });
  }
  if (phone && !phone.valid) flags.push({ code: "phone_invalid", field: "phone", message: `${phone.e164} is not a valid phone number for its country` });
  return flags;
}
