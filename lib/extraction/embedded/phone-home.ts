// Reads a local phone number in the light of the prospect's WhatsApp number: a
// number typed locally whose digits end the WhatsApp id ("98765 01234" from
// +91 98765 01234, "06 98 76 54 32" from +33 6 98 76 54 32) is that WhatsApp
// number; a local number that is invalid for the workspace's country but valid
// for the WhatsApp number's country is read in that country.
import { readPhone, readWhatsAppId, type PhoneReading } from "../validation";

/** The reading of a phone text, using the WhatsApp id as a hint for local numbers. */
export function readLocalPhone(text: string, defaultCountry: string, waId: string): PhoneReading | null {
  const reading = readPhone(text, defaultCountry);
  if (/^\s*(?:\+|00)/.test(text)) return reading;
  const whatsApp = readWhatsAppId(waId, defaultCountry);
  if (!whatsApp) return reading;
  const local = text.replace(/\D/g, "").replace(/^0+/, "");
  const waDigits = waId.replace(/\D/g, "");
  if (local.length >= 7 && (waDigits.endsWith(local) || whatsApp.e164.endsWith(local))) return whatsApp;
  if (reading && !reading.valid && whatsApp.country && whatsApp.country !== defaultCountry) {
    const there = readPhone(text, whatsApp.country);
    if (there?.valid) return there;
  }
  return reading;
}
