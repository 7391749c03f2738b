// Finds the prospect's own name: self-introductions in several languages ("I'm",
// "me llamo", "aqui é a", "ich bin", "je m'appelle", "mera naam"), "X here",
// "X again"/"X otra vez", the answer to the business's "what's your name?" or
// "name and email?", stopping before "de <Company>". People named as the
// subject of an enquiry ("my son Jack") are not the lead. The WhatsApp profile
// name is a fallback only when it looks like a person's name.
import { firstWords, fold, trimEnd, trimStart } from "../text";
import type { FieldProposal, ReviewFlag } from "../types";
import { startsLikeBusiness } from "./business-words";
import type { ReadConversation } from "./context";

const PARTICLES = new Set(["de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "ter", "bin", "binti", "al", "e", "y"]);

/** Words that follow "I'm"/"soy"/"ich bin" or answer a question but are not names. */
const NOT_NAMES = new Set(
  (
    "i im me my mine soy sou yo eu ich je moi you your he she we they it its this that the a an and or but so not no yes ok okay okk sure yeah yh yep nope hi hii hiii hey hello " +
    "later after now soon tomorrow today thanks thank thx ty please pls sorry fine good great perfect nice cool alright interested looking trying enquiring inquiring asking writing calling " +
    "contacting planning thinking going moving ready available free busy glad happy here there back new just also still from with for to at in on of by " +
    "go up out about very really well sir madam maam mum mom dad mr mrs ms dr " +
    "sim nao não claro vale dale bueno buenas buenos hola oi ola olá tudo bem obrigado obrigada gracias merci danke bitte ja nein oui non si sí " +
    "haan han ji nahi theek thik accha acha namaste bhai sahab didi guten tag hallo bonjour salut bonsoir " +
    "cliente client kunde interesada interesado interessada interessado buscando procurando querendo quero quiero necesito preciso " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december " +
    "lunes martes miercoles jueves viernes sabado domingo segunda terca quarta quinta sexta montag dienstag mittwoch donnerstag freitag samstag sonntag " +
    "lundi mardi mercredi jeudi vendredi samedi dimanche " +
    "perfecto perfeito listo pronto certo cierto entendi entendido beleza combinado fechado"
  ).split(" "),
);

/** Profile names that label a phone or a business, not a person ("Handy", "Promo", "Oficina"). */
const NOT_PERSON_PROFILES = new Set(
  (
    "promo promos promotion promotions offer offers oferta ofertas deals sale sales vendas ventas handy celular cel movil mobile phone telefone telefono " +
    "office oficina escritorio buro bureau loja shop store tienda admin info support suporte soporte home casa work trabalho trabajo arbeit travail " +
    "business negocio empresa marketing bot test teste prueba unknown desconhecido whatsapp user usuario privat private"
  ).split(" "),
);

const TITLES = /^(?:mr|mrs|ms|miss|dr|sr|sra|srta|dona|don|herr|frau|madame|monsieur|mme|m|shri|smt|sri)\.?$/i;

const NAME_QUESTION =
  /\b(?:your (?:full )?name|name please|who am i (?:speaking|talking) (?:with|to)|com quem (?:eu )?falo|con quien (?:hablo|tengo el gusto)|qual (?:o )?seu nome|seu nome|cual es (?:tu|su) nombre|tu nombre|su nombre|como te llamas|como se llama usted|a nombre de quien|nombre completo|nome completo|ihr name|ihren namen|wie heissen sie|mit wem spreche ich|votre nom|comment vous appelez|vous etes|(?<!\b(?:ka|ki|ke)\s)naam|aapka naam|apna naam|a name for|name for the (?:booking|reservation|order|appointment)|nome para (?:a )?reserva|nombre para la reserva|como (?:voce|vc) se chama|a quel nom|au nom de qui|sous quel nom)\b|(?:^|[.!?]\s*)(?:full )?(?:name|nome|nombre|naam|nom)\s*(?:\?|please|pls|bitte|por favor|por favor\?|s il vous plait)/;

/** "Name and email?", "¿Nombre y correo?", "best contact details?": the answer usually opens with the name. */
const NAME_AND_CONTACT_QUESTION =
  /(?:^|[.!?¿¡,]\s*|\b(?:your|tu|su|seu|sua|votre|ihr|ihren|aapka)\s+)(?:full |complete )?(?:name|nome|nombre|nom|naam|namen)\s+(?:and|y|e|et|und|aur|&|\+)\s|\b(?:contact details|your details|tus datos|sus datos|seus dados|teus dados|vos coordonnees|ihre kontaktdaten|ihre daten|best contact)\b/;

// First-person introductions; the lowercase flag allows "me llamo ana silva".
const INTRODUCTIONS: Array<{ cue: RegExp; lowercase: boolean; confidence: number }> = [
  { cue: /\b(?:my (?:full )?name is|my name's|me llamo|mi nombre es|meu nome (?:e|é)|me chamo|je m['’]appelle|mein name ist|ich hei(?:ss|ß)e|mera naam|mera name)\s+/giu, lowercase: true, confidence: 0.92 },
  { cue: /\b(?:main|mai)\s+(?=\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}\s+(?:hoon|hu|hun|bol))/gu, lowercase: false, confidence: 0.8 },
  { cue: /\b(?:i['’]?m|i am|this is|it['’]?s|soy|sou (?:a|o)|aqui (?:e|é) (?:a|o)|aqui (?:e|é)|aquí habla|habla|(?:les|le|te|os) escribe|quem fala (?:e|é)(?: (?:a|o))?|c['’]est|ich bin|hier ist|hier spricht|je suis|moi c['’]est)\s+/giu, lowercase: false, confidence: 0.8 },
  { cue: /(?:^|[.!?]\s+)(?:bin|sou|soy)\s+/giu, lowercase: false, confidence: 0.8 },
  { cue: /(?:^|[.!?]\s+)(?:name['’]s|name is|nombre:|nome:|name:)\s*/giu, lowercase: true, confidence: 0.85 },
];

/** "Hi, Liam Ward from Ward & Sons": a greeting, a full name, then where they are from. */
const GREETING_THEN_NAME =
  /^(?:hi|hello|hey|hola|buenas|buenos dias|buenas tardes|oi|ola|olá|bom dia|boa tarde|bonjour|salut|hallo|guten tag|good morning|good afternoon)[,!.]?\s+/iu;
const FROM_COMPANY = /^\s*(?:,\s*)?(?:from|de|da|do|del|von|bei|chez|at)\s+(?:(?:la|el|the|der|die)\s+)?\p{Lu}/u;

// Starts at a space run's first space only (linear on a message of spaces).
const TRAILING_CUE =
  /(?<!\s)\s+(?:here|aqui|aquí|hier|ici|bol raha hoon|bol rahi hoon|bol raha hu|bol rahi hu|speaking|falando|hablando|al habla|am apparat|again|once again|otra vez|de nuevo|nuevamente|de novo|outra vez|novamente|encore|à nouveau|a nouveau|de retour|nochmal|nochmals|wieder|phir se)(?![\p{L}])/giu;

interface NameCandidate {
  value: string;
  messageId: string;
  quote: string;
  confidence: number;
  order: number;
}

/** How far before a trailing cue ("Ana Silva here") a name is looked for: five words and a company. */
const TRAILING_CUE_WINDOW = 160;

function isNameToken(token: string, lowercase: boolean): boolean {
  const bare = trimEnd(token, ".'’-");
  if (!/^\p{L}[\p{L}'’-]*\.?$/u.test(token) || bare.length === 0) return false;
  if (NOT_NAMES.has(fold(bare).replace(/['’]/g, ""))) return false;
  if (/^\p{Lu}/u.test(token)) return true;
  return lowercase && bare.length >= 2;
}

/** Reads a name from the start of `text`; null when the words there are not a name. */
export function readNameAt(text: string, lowercase: boolean): string | null {
  // A name is at most five words; the words after it only say whether a business follows.
  const words = firstWords(text, 12);
  const taken: string[] = [];
  for (const [position, raw] of words.entries()) {
    if (/^[("[]/.test(raw)) break;
    const ended = /[,;:!?()]$|[^A-Z]\.$/.test(raw);
    const word = trimStart(trimEnd(raw, ',;:!?()"'), '("');
    if (taken.length === 0 && TITLES.test(word)) continue;
    // "Pedro Sánchez de Café Montaña": the particle introduces a business, not a surname.
    if (PARTICLES.has(word.toLowerCase()) && taken.length > 0 && startsLikeBusiness(words.slice(position + 1).join(" "))) break;
    if (PARTICLES.has(word.toLowerCase()) && taken.length > 0) {
      taken.push(word);
    } else if (isNameToken(word, lowercase && !(taken.length > 0 && /^\p{Lu}/u.test(taken[0]!)))) {
      taken.push(word.replace(/\.$/, (dot) => (word.length <= 2 ? dot : "")));
    } else {
      break;
    }
    if (ended || taken.length >= 5) break;
  }
  while (taken.length > 0 && PARTICLES.has(taken.at(-1)!.toLowerCase())) taken.pop();
  if (taken.length === 0) return null;
  const name = taken.join(" ");
  return /\p{L}{2,}/u.test(name) ? name : null;
}

function titleCaseIfLower(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

function tokenCount(name: string): number {
  return name.split(/\s+/).filter((word) => !PARTICLES.has(word.toLowerCase())).length;
}

/** The part of a reply to "what's your name?" that is a name: "yh go on. Zainab Hussain" -> "Zainab Hussain". */
function nameInAnswer(content: string, firstAfterQuestion: boolean, lowercase: boolean): string | null {
  const parts = content.split(/[,;:!?\n]|\.\s|\s[-–—]\s/).map((part) => part.trim()).filter(Boolean);
  for (const part of parts) {
    const words = part.split(/\s+/);
    const name = readNameAt(part, lowercase);
    if (!name) continue;
    const count = tokenCount(name);
    // The whole clause must be the name (allowing a trailing period), else "Ok thanks Paula" reads oddly.
    if (name.split(/\s+/).length !== words.length) continue;
    // A lone word is a name only when capitalized ("Laura"), never "later" or "sure".
    const lone = firstAfterQuestion && parts.length <= 2 && words.length === 1 && /^\p{Lu}/u.test(name);
    if (count >= 2 || lone) return titleCaseIfLower(name);
  }
  return null;
}

function profileAsName(profile: string | null): string | null {
  if (!profile) return null;
  if (/[&+/@\d|]/.test(profile)) return null;
  const cleaned = profile.replace(/[^\p{L}\s.'’-]/gu, " ").replace(/\s+/g, " ").trim();
  if (!cleaned) return null;
  const words = cleaned.split(" ");
  if (words.length > 4 || !words.every((word) => /^\p{L}[\p{L}'’-]*\.?$/u.test(word))) return null;
  if (words.some((word) => NOT_NAMES.has(fold(word.replace(/\.$/, ""))) || NOT_PERSON_PROFILES.has(fold(word)))) return null;
  return /\p{L}{2,}/u.test(cleaned) ? cleaned : null;
}

function isFullName(name: string): boolean {
  const words = name.split(/\s+/).filter((word) => !PARTICLES.has(word.toLowerCase()));
  return words.length >= 2 && words.every((word) => word.replace(/\.$/, "").length >= 2);
}

export interface NameFinding {
  name: FieldProposal<string> | null;
  flags: ReviewFlag[];
}

export function findName(read: ReadConversation): NameFinding {
  const candidates: NameCandidate[] = [];
  const excluded = new Set(read.input.products.map(fold));
  let order = 0;
  for (const { message, previousBusiness, previousProspect } of read.prospect) {
    const content = message.content;
    const add = (value: string | null, confidence: number, quote: string) => {
      if (!value || excluded.has(fold(value))) return;
      candidates.push({ value, messageId: message.id, quote: quote.trim(), confidence, order: order++ });
    };
    for (const { cue, lowercase, confidence } of INTRODUCTIONS) {
      for (const match of content.matchAll(cue)) {
        const start = match.index + match[0].length;
        const name = readNameAt(content.slice(start), lowercase);
        add(name ? titleCaseIfLower(name) : null, confidence, content.slice(match.index, start + (name?.length ?? 0)));
      }
    }
    const greeting = GREETING_THEN_NAME.exec(content);
    if (greeting) {
      const rest = content.slice(greeting[0].length);
      const name = readNameAt(rest, false);
      if (name && isFullName(name) && FROM_COMPANY.test(rest.slice(name.length))) add(name, 0.75, rest.slice(0, name.length));
    }
    for (const match of content.matchAll(TRAILING_CUE)) {
      const windowStart = Math.max(0, match.index - TRAILING_CUE_WINDOW);
      const pieces = content.slice(windowStart, match.index).split(/[.!?,]\s*/);
      // Text running past the window without a sentence break is longer than a name.
      if (windowStart > 0 && pieces.length === 1) continue;
      const before = pieces.pop() ?? "";
      const name = readNameAt(before.trim(), false);
      const rest = name ? before.trim().slice(name.length).replace(/^\s*,?\s*\p{L}+\s+/u, "") : "";
      // "Carlos da Transportes Lima de novo": the name, then where they are from.
      const fromBusiness = name !== null && rest !== before.trim().slice(name.length) && startsLikeBusiness(rest);
      if (name && (name === before.trim() || fromBusiness)) add(name, 0.8, `${before.trim()}${match[0]}`);
    }
    const question = previousBusiness ? fold(previousBusiness.content) : "";
    const asked = previousBusiness !== null && (NAME_QUESTION.test(question) || NAME_AND_CONTACT_QUESTION.test(question));
    if (asked) {
      // The first reply may be a bare first name; lowercase only when the person types all in lowercase.
      const firstReply = previousProspect === null;
      const answer = nameInAnswer(content, firstReply, content === content.toLowerCase());
      add(answer, 0.85, answer ?? "");
    }
  }

  const flags: ReviewFlag[] = [];
  const profile = profileAsName(read.input.contact.profileName);
  const full = candidates.filter((candidate) => isFullName(candidate.value));
  // Prefer a full name; among several, the latest (a correction), unless it only repeats an earlier one.
  const chosen = full.at(-1) ?? candidates.at(-1);
  if (chosen) {
    if (!isFullName(chosen.value) && profile && isFullName(profile) && fold(profile).startsWith(fold(chosen.value))) {
      return { name: { value: profile, evidence: { messageId: chosen.messageId, quote: chosen.quote }, confidence: 0.75 }, flags };
    }
    const distinct = new Set(full.map((candidate) => fold(candidate.value)));
    if (distinct.size > 1) {
      flags.push({ code: "value_corrected", field: "name", message: `Several names were given (${[...distinct].join(", ")}); the latest is kept`, messageId: chosen.messageId });
    }
    return { name: { value: chosen.value, evidence: { messageId: chosen.messageId, quote: chosen.quote }, confidence: chosen.confidence }, flags };
  }
  if (profile) {
    flags.push({ code: "name_from_profile", field: "name", message: `No name in the conversation: using the WhatsApp profile name "${profile}"` });
    return { name: { value: profile, evidence: null, confidence: isFullName(profile) ? 0.65 : 0.4 }, flags };
  }
  return { name: null, flags };
}
