// Finds a phone the prospect types: local formats read with the workspace's
// default country (or as the WhatsApp number when its digits end it), "+27
// (0)82", "0091 ...", a number split across consecutive messages ("11 9" then
// "7654-3210": joined when libphonenumber's findPhoneNumbersInText finds a valid
// number across the break, or when the first part is too short to be one), and
// corrections (the latest wins). Numbers the business said first, and digit
// runs without phone context (order numbers, prices, dates) are ignored. Also
// notices "this WhatsApp is my sister's".
import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js/max";
import { fold, matchesOf } from "../text";
import { readPhone } from "../validation";
import { readLocalPhone } from "./phone-home";
import type { FieldProposal, ReviewFlag } from "../types";
import type { ReadConversation } from "./context";

/** A run of characters that can spell a phone number. */
const PHONE_RUN = /(?:\+|\b00)?\(?\d[\d\s().\-/]*\d/g;

// German compounds count too: "Rückrufnummer", "Handynummer", "Telefonnummer".
const PHONE_CUE =
  /\b[a-z]*(?:nummer|telefon)[a-z]*\b|\b(?:line|linea|linha|ligne|anschluss|phone|number|numero|num|no\.|cell|cel|celular|mobile|mobil|handy|tel|telefone|telefono|telephone|whatsapp|whats|zap|wpp|landline|fixo|fijo|festnetz|buro|office|oficina|escritorio|portable|appel|appelez|appeler|rappelez|rappeler|joignable|ruf|rufen|call|ring|ligar|liga|llamar|llamame|anrufen|erreichbar|contact|contato|contacto|kontakt|nummer|rufnummer|reach|contactar|contatar|localizar|erreichen|joindre|llamarte|te ligar|reach you)\b/;

const DISOWNED_WHATSAPP =
  /\b(?:this|esse|este|ese|cet|ce|diese[sr]?|yeh|ye)\s+(?:whatsapp|zap|wpp|number|numero|phone|nummer|handy)\b.{0,25}\b(?:is|e|es|est|ist|hai)\b.{0,10}\b(?:my|minha|meu|mi|ma|mon|meine?|mera|meri)\s+(?:sister|brother|wife|husband|mother|mom|mum|father|dad|son|daughter|friend|boss|irma|irmao|esposa|marido|mae|pai|filh[oa]|amig[oa]|hermana|hermano|madre|padre|hij[oa]|soeur|frere|femme|mari|schwester|bruder|frau|mann|mutter|vater|behen|bhai|maa|papa|dost)\b/;

interface PhoneCandidate {
  text: string;
  messageId: string;
  quote: string;
  index: number;
  valid: boolean;
  e164: string;
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, "");
}

/** Phone-like runs in a message, with a neighbour's fragment joined when the number was split. */
function runsIn(content: string): Array<{ text: string; start: number; end: number }> {
  const runs: Array<{ text: string; start: number; end: number }> = [];
  for (const match of matchesOf(PHONE_RUN, content)) {
    const text = match[0].trim();
    const digits = digitsOf(text);
    // Dates and ids written with a year ("2026-0812-331") are not phones.
    if (/^(?:19|20)\d\d[-/.]/.test(text)) continue;
    // Two digits may open a number finished in the next message ("mera number 98" / "20123456").
    if (digits.length >= 2) runs.push({ text, start: match.index, end: match.index + match[0].length });
  }
  return runs;
}

/** True when libphonenumber finds a valid number that starts in `first` and ends in `second` ("11 98765" + "4321"). */
function spansBreak(first: string, second: string, country: string): boolean {
  const joined = `${first} ${second}`;
  return findPhoneNumbersInText(joined, { defaultCountry: country as CountryCode }).some(({ startsAt, endsAt }) => startsAt < first.length && endsAt > first.length + 1);
}

function isOnlyPhoneText(content: string): boolean {
  return /^[\s+\d().\-/]+$/.test(content.trim());
}

export interface PhoneFinding {
  phone: FieldProposal<string> | null;
  whatsAppNumberDisowned: boolean;
  flags: ReviewFlag[];
}

export function findPhone(read: ReadConversation): PhoneFinding {
  const country = read.input.defaultCountry;
  const candidates: PhoneCandidate[] = [];
  let whatsAppNumberDisowned = false;
  const continuations = new Set<string>();
  // The business's own numbers (digits), each with the position where it first wrote it.
  const businessNumbers = new Map<string, number>();
  read.input.messages.forEach((message, index) => {
    if (message.role === "user") return;
    for (const run of runsIn(message.content)) {
      const digits = readPhone(run.text, country)?.e164.replace(/\D/g, "");
      if (digits && !businessNumbers.has(digits)) businessNumbers.set(digits, index);
    }
  });

  read.prospect.forEach((current, position) => {
    const { message, index, previousBusiness } = current;
    const content = message.content;
    if (continuations.has(message.id)) return;
    if (DISOWNED_WHATSAPP.test(fold(content))) whatsAppNumberDisowned = true;
    const asked = previousBusiness ? PHONE_CUE.test(fold(previousBusiness.content)) : false;
    const cued = PHONE_CUE.test(fold(content));
    const runs = runsIn(content);
    const next = read.prospect[position + 1];

    runs.forEach((run, runIndex) => {
      let text = run.text;
      let quote = run.text;
      let messageId = message.id;
      const digits = digitsOf(text);
      // A number split across messages: "0157" then "3344 5566".
      const isLast = runIndex === runs.length - 1;
      const continued = isLast && next !== undefined && next.previousProspect?.id === message.id && isOnlyPhoneText(next.message.content);
      if (continued && (digits.length < 7 || spansBreak(text, next.message.content.trim(), country))) {
        text = `${text} ${next.message.content.trim()}`;
        quote = `${content.trim()} / ${next.message.content.trim()}`;
        messageId = next.message.id;
        continuations.add(next.message.id);
      } else if (digits.length < 7) {
        return;
      }
      // An international "+..." number is a phone wherever it appears; a local one needs a cue.
      const phoneContext = asked || cued || isOnlyPhoneText(content) || /^\+/.test(text);
      if (!phoneContext) return;
      const reading = readLocalPhone(text, country, read.input.contact.waId);
      if (!reading) return;
      if ((businessNumbers.get(reading.e164.replace(/\D/g, "")) ?? Infinity) < index) return;
      // The text goes on in international form, so the WhatsApp country hint is kept.
      candidates.push({ text: reading.e164, messageId, quote, index, valid: reading.valid, e164: reading.e164 });
    });
  });

  // The latest message wins (a correction); within it, the first number ("cell X, office Y").
  const latest = candidates.at(-1);
  const chosen = latest ? candidates.find((candidate) => candidate.messageId === latest.messageId) : undefined;
  if (!chosen) return { phone: null, whatsAppNumberDisowned, flags: [] };
  const flags: ReviewFlag[] = [];
  const earlier = candidates.filter((candidate) => candidate.e164 !== chosen.e164);
  if (earlier.length > 0) {
    flags.push({
      code: "value_corrected",
      field: "phone",
      message: `The prospect gave ${earlier.at(-1)!.e164} earlier and later ${chosen.e164}; the later one is kept`,
      params: { earlier: earlier.at(-1)!.e164, kept: chosen.e164 },
      messageId: chosen.messageId,
    });
  }
  const confidence = chosen.valid ? 0.95 : 0.6;
  return { phone: { value: chosen.text, evidence: { messageId: chosen.messageId, quote: chosen.quote }, confidence }, whatsAppNumberDisowned, flags };
}
