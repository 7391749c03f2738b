// Finds the prospect's own name: self-introductions in several languages ("I'm",
// "me llamo", "aqui é a", "ich bin", "je m'appelle", "mera naam"), "X here",
// the answers to the business's name questions (a first name, then the surname
// it asks for, joined: "Guadalupe" + "Hernández Ruiz"; a title and surname, then
// the first name: "Mme Claessens" + "Martine"), a full name opening with the
// first name given earlier, a full name signing off a message, "my surname is".
// A job, a role or a relative after "I am" ("ich bin Tischler", "je suis
// l'assistante, Émilie Rousseau") is not a name, nor a business ("Farmacia San
// Judas"), nor people named as the subject of an enquiry ("my son Jack"). The
// WhatsApp profile name is a fallback only when it looks like a person's name.
import { firstWords, fold, matchesOf, tokens, trimEnd, trimStart } from "../text";
import type { FieldProposal, ReviewFlag } from "../types";
import { isBusinessWord, startsLikeBusiness } from "./business-words";
import type { ReadConversation } from "./context";
import { isCommonLowercaseWord, isCommonWord, isRoleWord, nameQuestionIn, PARTICLES, ROLE_LEADS, SURNAME_STATEMENT, TITLES, type NameQuestion } from "./name-words";

/** Profile names that label a phone, a department or a business, not a person ("Handy", "Front Desk", "HR Dept"). */
const NOT_PERSON_PROFILES = new Set(
  (
    "promo promos promotion promotions offer offers oferta ofertas deals sale sales vendas ventas handy celular cel movil mobile phone telefone telefono " +
    "office oficina escritorio buro bureau loja shop store tienda admin info support suporte soporte home casa work trabalho trabajo arbeit travail " +
    "business negocio empresa marketing bot test teste prueba unknown desconhecido whatsapp user usuario privat private front desk reception recepcion " +
    "recepcao empfang accueil hr rh dept department departamento abteilung accounts accounting contabilidad financeiro finanzas einkauf compras team equipe"
  ).split(" "),
);

// First-person introductions; the lowercase flag allows "me llamo ana silva".
const INTRODUCTIONS: Array<{ cue: RegExp; lowercase: boolean; confidence: number; fullOnly?: boolean }> = [
  { cue: /\b(?:my (?:full )?name is|my name['’]s|me llamo|mi nombre es|meu nome (?:e|é)|me chamo|je m['’]appelle|mein name ist|ich hei(?:ss|ß)e|mera naam|mera name)\s+/giu, lowercase: true, confidence: 0.92 },
  { cue: /\b(?:main|mai)\s+(?=\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}\s+(?:hoon|hu|hun|bol))/gu, lowercase: false, confidence: 0.8 },
  // Hindi "main" (I) before a role or a full name: "main unka beta Karan Verma", "Main Arijit Sen, owner".
  { cue: /\b[Mm]ain?\s+(?=(?:(?:[Dd]r|[Mm]rs?|[Mm]s|[Ss]hri|[Ss]mt)\.?\s+)?\p{Lu}[\p{L}'’-]+\s+\p{Lu}|(?:uska|uski|unka|unki|iska|iski)\s)/gu, lowercase: false, confidence: 0.8, fullOnly: true },
  {
    cue: /\b(?:i['’]?m|i am|this is|it['’]?s|yo soy|soy|sou (?:a|o)|aqui (?:e|é) (?:a|o)|aqui (?:e|é)|aquí habla|habla|(?:les|le|te|os) escribe|quem fala (?:e|é)(?: (?:a|o))?|c['’]est|et moi c['’]est|moi c['’]est|ich bin|hier ist|hier spricht|je suis|a nombre del?|em nome d[eoa])\s+/giu,
    lowercase: false,
    confidence: 0.8,
  },
  { cue: /(?:^|[.!?]\s+)(?:bin|sou|soy)(?:\s+(?:der|die|el|la|o|a))?\s+/giu, lowercase: false, confidence: 0.8 },
  { cue: /(?:^|[.!?,]\s*)(?:name['’]s|name is|nombre:|nome:|name:)\s*/giu, lowercase: true, confidence: 0.85 },
];

/** "Hi, Liam Ward from Ward & Sons": a greeting, a full name, then where they are from. */
const GREETING_THEN_NAME =
  /^(?:hi|hello|hey|hola|buenas|buenos dias|buenas tardes|oi|ola|olá|bom dia|boa tarde|bonjour|salut|hallo|guten tag|good morning|good afternoon)[,!.]?\s+/iu;
/** What may follow a name in the same clause: where the person is from ("de", "von", "vo de"). */
const FROM_COMPANY = /^\s*(?:,\s*)?(?:from|de|da|do|del|von|vom|vo|bei|chez|at)\s+(?:(?:la|el|the|der|die|de)\s+)?\p{Lu}/u;

// Starts at a space run's first space only (linear on a message of spaces).
const TRAILING_CUE =
  /(?<!\s)\s+(?:here|aqui|aquí|hier|ici|bol raha hoon|bol rahi hoon|bol raha hu|bol rahi hu|speaking|falando|hablando|al habla|am apparat|again|once again|otra vez|de nuevo|nuevamente|de novo|outra vez|novamente|encore|à nouveau|a nouveau|de retour|nochmal|nochmals|wieder|phir se)(?![\p{L}])/giu;

/** Where a message breaks into parts: not after an initial or a title ("J. Albuquerque", "M. Sosa", "Dr. Lenz"). */
const PART_BREAK = /[,;:!?\n]|(?<!(?:^|\s)(?:\p{L}|mr|mrs|ms|dr|sr|sra|srta|mme|mlle|prof|st))\.\s|\s[-–—]\s/iu;

/** Words that open a reply before the name itself: "Mit Thomas Richter", "Con Nuria Pascual". */
const ANSWER_LEAD = /^(?:with|con|com|mit|avec|de parte de|da parte de|de la part de)\s+/iu;

/** How far before a trailing cue ("Ana Silva here") a name is looked for: five words and a company. */
const TRAILING_CUE_WINDOW = 160;
/** How far after a role ("je suis l'assistante de direction, ...") the name is looked for. */
const AFTER_ROLE_WINDOW = 80;

type CandidateKind = "name" | "first" | "surname";

interface NameCandidate {
  value: string;
  messageId: string;
  quote: string;
  confidence: number;
  /** "first": one name word given alone; "surname": a title and surname ("Frau Yilmaz") or a surname answer. */
  kind: CandidateKind;
}

function isNameToken(token: string, lowercase: boolean): boolean {
  const bare = trimEnd(token, ".'’-");
  if (!/^\p{L}[\p{L}'’-]*\.?$/u.test(token) || bare.length === 0) return false;
  if (isCommonWord(fold(bare))) return false;
  if (/^\p{Lu}/u.test(token)) return true;
  return lowercase && bare.length >= 2 && !isCommonLowercaseWord(fold(bare));
}

/** True when one of the few words after a particle names a business ("von der Spedition"), so the particle starts it. */
function businessFollows(words: string[]): boolean {
  return words.slice(0, 3).some((word) => isBusinessWord(word));
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
    // A business word ends the name ("Kevin Lorenz Spedition"), and a particle before one starts the business.
    if (isBusinessWord(word)) break;
    if (PARTICLES.has(word.toLowerCase()) && taken.length > 0 && (startsLikeBusiness(words.slice(position + 1).join(" ")) || businessFollows(words.slice(position + 1)))) break;
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

/** Reads a surname answer, which may open with a particle ("de Cássia Nogueira", "van der Merwe"). */
function readSurnameAt(text: string, lowercase: boolean): string | null {
  const words = firstWords(text, 6);
  const particles: string[] = [];
  while (particles.length < 3 && words[particles.length] && PARTICLES.has(trimEnd(words[particles.length]!, ",.").toLowerCase())) particles.push(words[particles.length]!);
  const rest = readNameAt(words.slice(particles.length).join(" "), lowercase);
  return rest ? [...particles, rest].join(" ") : null;
}

function sameFirstWord(a: string, b: string): boolean {
  return fold(a.split(/\s+/)[0]!) === fold(b.split(/\s+/)[0]!);
}

function titleCaseIfLower(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

function nameWords(name: string): string[] {
  return name.split(/\s+/).filter((word) => !PARTICLES.has(word.toLowerCase()));
}

function isFullName(name: string): boolean {
  const words = nameWords(name);
  return words.length >= 2 && words.every((word) => word.replace(/\.$/, "").length >= 2);
}

/** The words of `text` without leading titles ("Dr Helen Marsh" -> 3 words, 2 after the title). */
function wordsAfterTitles(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  let start = 0;
  while (start < words.length && TITLES.test(trimEnd(words[start]!, ",;:"))) start++;
  return words.slice(start);
}

/** True when `text` opens with a role phrase ("the store manager", "l'assistante", "uska beta", "Tischler"); returns its length in words. */
function roleAt(text: string): number {
  const words = firstWords(text, 4).map((word) => fold(trimEnd(word, ",.;:!?")).replace(/^(?:l|d)['’]/, ""));
  let position = 0;
  while (position < 2 && words[position] && ROLE_LEADS.has(words[position]!)) position++;
  // "the store manager", "la gouvernante generale": a role may have one word before or after it.
  for (let length = 0; length < 2 && words[position + length]; length++) {
    if (isRoleWord(words[position + length]!)) return position + length + 1;
  }
  return 0;
}

/** A person's name at the start of `text`, or after the role that opens it ("ingeniero Felipe Cárdenas", "assistante de direction, Émilie Rousseau"). */
function personAt(text: string, lowercase: boolean): { name: string; afterRole: boolean } | null {
  const role = roleAt(text);
  if (role === 0) {
    const name = readNameAt(text, lowercase);
    return name && !startsLikeBusiness(name) ? { name, afterRole: false } : null;
  }
  const after = text.split(/\s+/).filter(Boolean).slice(role).join(" ").slice(0, AFTER_ROLE_WINDOW);
  // The name right after the role, or after the comma that closes the role's description.
  const direct = /^\p{Lu}/u.test(after) ? readNameAt(after, false) : null;
  if (direct && isFullName(direct) && !startsLikeBusiness(direct)) return { name: direct, afterRole: true };
  const comma = after.search(/[,:]\s/);
  const sentenceEnd = after.search(/[.!?]\s/);
  if (comma < 0 || (sentenceEnd >= 0 && sentenceEnd < comma)) return null;
  const named = readNameAt(after.slice(comma + 1).trim(), false);
  return named && isFullName(named) && !startsLikeBusiness(named) ? { name: named, afterRole: true } : null;
}

/** Splits a message into the parts a name can fill: between commas, sentence ends, colons and dashes. */
function partsOf(content: string): string[] {
  return content
    .split(PART_BREAK)
    .map((part) => part.trim().replace(ANSWER_LEAD, ""))
    .filter(Boolean);
}

/** A part that is a name and nothing else (allowing what may follow one: "de <Company>", an address, an email). */
function wholeName(part: string, lowercase: boolean): string | null {
  const name = readNameAt(part, lowercase);
  if (!name || startsLikeBusiness(name)) return null;
  const words = wordsAfterTitles(part);
  const count = name.split(/\s+/).length;
  if (count === words.length) return name;
  const rest = words.slice(count).join(" ");
  return FROM_COMPANY.test(` ${rest}`) || /^\d/.test(rest) || rest.includes("@") ? name : null;
}

/** True when every word of a lowercase name is a plain word of the catalog ("solar panel"). */
function isCatalogText(name: string, catalogWords: Set<string>): boolean {
  return tokens(name).every((word) => catalogWords.has(word));
}

function profileAsName(profile: string | null): string | null {
  if (!profile) return null;
  if (/[&+/@\d|]/.test(profile)) return null;
  const cleaned = profile.replace(/[^\p{L}\s.'’-]/gu, " ").replace(/\s+/g, " ").trim();
  if (!cleaned) return null;
  const words = cleaned.split(" ");
  if (words.length > 4 || !words.every((word) => /^\p{L}[\p{L}'’-]*\.?$/u.test(word))) return null;
  const bare = words.map((word) => fold(trimEnd(word, ".")));
  if (bare.some((word) => (isCommonWord(word) && !TITLES.test(word)) || NOT_PERSON_PROFILES.has(word) || isRoleWord(word) || isBusinessWord(word))) return null;
  const withoutTitles = words.filter((word) => !TITLES.test(word));
  if (withoutTitles.length === 0) return null;
  const name = withoutTitles.join(" ");
  return /\p{L}{2,}/u.test(name) ? name : null;
}

export interface NameFinding {
  name: FieldProposal<string> | null;
  flags: ReviewFlag[];
}

export function findName(read: ReadConversation): NameFinding {
  const candidates: NameCandidate[] = [];
  const excluded = new Set(read.input.products.map(fold));
  const catalogWords = new Set(read.input.products.flatMap((product) => tokens(product)));
  const questions = new Map<string, NameQuestion | null>();
  const questionOf = (message: { id: string; content: string } | null) => {
    if (!message) return null;
    if (!questions.has(message.id)) questions.set(message.id, nameQuestionIn(message.content));
    return questions.get(message.id)!;
  };
  const add = (value: string | null, confidence: number, quote: string, messageId: string, kind?: CandidateKind) => {
    if (!value || excluded.has(fold(value))) return;
    candidates.push({ value, messageId, quote: quote.trim(), confidence, kind: kind ?? (isFullName(value) ? "name" : "first") });
  };
  const firstGiven = () => candidates.filter((candidate) => candidate.kind === "first").at(-1);
  const surnameGiven = () => candidates.filter((candidate) => candidate.kind === "surname").at(-1);

  /** The name the answer to a question yields (and what kind), or null. */
  const answerName = (content: string, question: NameQuestion, firstReply: boolean): { value: string; kind: CandidateKind } | null => {
    const lowercase = content === content.toLowerCase();
    const parts = partsOf(content);
    let lone: { value: string; kind: CandidateKind } | null = null;
    for (const part of parts) {
      if (roleAt(part) > 0 && wordsAfterTitles(part).length <= 3) continue;
      const titled = wordsAfterTitles(part).length < part.split(/\s+/).length;
      // A surname may open with a particle ("de Cássia Nogueira", "Van den Berghe").
      const opensWithParticle = PARTICLES.has(fold(part.split(/\s+/)[0] ?? ""));
      const surnameFirst = opensWithParticle && parts.length <= 2 ? readSurnameAt(part, lowercase) : null;
      if (surnameFirst && !isFullName(surnameFirst) && !(question.surname && firstGiven()) && !lone) {
        lone = { value: surnameFirst, kind: "surname" };
        continue;
      }
      const name = wholeName(part, lowercase) ?? (question.surname && firstGiven() && parts.length <= 2 ? readSurnameAt(part, lowercase) : null);
      if (!name || (lowercase && isCatalogText(name, catalogWords))) continue;
      // Two words answering "your surname?" after a first name are the surname ("Hernández Ruiz"), unless they open with that first name.
      const surnameOnly = question.surname && firstGiven() !== undefined && !sameFirstWord(name, firstGiven()!.value) && parts.length === 1 && !titled;
      if (isFullName(name) && !surnameOnly) {
        return { value: titleCaseIfLower(name), kind: "name" };
      }
      if (lone || parts.length > 2 || wordsAfterTitles(part).length !== name.split(/\s+/).length) continue;
      const capitalized = /^\p{Lu}/u.test(nameWords(name)[0] ?? "") || (lowercase && parts.length === 1);
      if (!capitalized) continue;
      // "Mme Claessens", or a word answering "your surname?" after a first name: a surname.
      if (titled || (question.surname && firstGiven() && !question.firstName)) lone = { value: titleCaseIfLower(name), kind: "surname" };
      else if (firstReply || question.firstName || question.name) lone = { value: titleCaseIfLower(name), kind: "first" };
    }
    return lone;
  };

  const replies = new Map<string, number>();
  const settled = new Set<string>();
  for (const { message, previousBusiness } of read.prospect) {
    const content = message.content;
    const before = candidates.length;
    // "mon nom de famille c'est Lambrechts": a surname statement, not "c'est <first name>".
    const statements: Array<[number, number]> = [];
    for (const match of matchesOf(SURNAME_STATEMENT, content)) {
      const surname = readSurnameAt(content.slice(match.index + match[0].length), false);
      statements.push([match.index, match.index + match[0].length + (surname?.length ?? 0)]);
      const first = firstGiven();
      if (surname && first && !isFullName(surname)) add(`${first.value} ${surname}`, 0.85, content.slice(match.index, match.index + match[0].length + surname.length), message.id, "name");
      else if (surname) add(surname, 0.7, surname, message.id, isFullName(surname) ? "name" : "surname");
    }
    for (const { cue, lowercase, confidence, fullOnly } of INTRODUCTIONS) {
      for (const match of matchesOf(cue, content)) {
        if (statements.some(([from, to]) => match.index >= from && match.index < to)) continue;
        const start = match.index + match[0].length;
        const person = personAt(content.slice(start), lowercase);
        if (!person || (fullOnly && !isFullName(person.name))) continue;
        const titled = !person.afterRole && wordsAfterTitles(content.slice(start, start + 40)).length < firstWords(content.slice(start, start + 40), 8).length;
        const value = titleCaseIfLower(person.name);
        add(value, confidence, content.slice(match.index, start + person.name.length + (person.afterRole ? 60 : 0)).slice(0, 120), message.id, titled && !isFullName(value) ? "surname" : undefined);
      }
    }
    const greeting = GREETING_THEN_NAME.exec(content);
    if (greeting) {
      const rest = content.slice(greeting[0].length);
      const name = readNameAt(rest, false);
      if (name && isFullName(name) && FROM_COMPANY.test(rest.slice(name.length))) add(name, 0.75, rest.slice(0, name.length), message.id);
    }
    for (const match of matchesOf(TRAILING_CUE, content)) {
      const windowStart = Math.max(0, match.index - TRAILING_CUE_WINDOW);
      const pieces = content.slice(windowStart, match.index).split(/[.!?,]\s*/);
      // Text running past the window without a sentence break is longer than a name.
      if (windowStart > 0 && pieces.length === 1) continue;
      const before = (pieces.pop() ?? "").trim();
      if (roleAt(before) > 0) continue;
      const name = readNameAt(before, false);
      const rest = name ? before.slice(name.length).replace(/^\s*,?\s*\p{L}+\s+/u, "") : "";
      // "Carlos da Transportes Lima de novo": the name, then where they are from.
      const fromBusiness = name !== null && rest !== before.slice(name.length) && startsLikeBusiness(rest);
      if (name && !startsLikeBusiness(name) && (name === before || fromBusiness)) add(name, 0.8, `${before}${match[0]}`, message.id);
    }

    const question = questionOf(previousBusiness);
    if (previousBusiness && question) {
      // The replies right after a name question answer it, until one gives a full name.
      const position = replies.get(previousBusiness.id) ?? 0;
      replies.set(previousBusiness.id, position + 1);
      if (position <= 2 && !settled.has(previousBusiness.id)) {
        const answer = answerName(content, question, position === 0);
        if (answer?.kind === "surname" && firstGiven()) {
          add(`${firstGiven()!.value} ${answer.value}`, 0.85, `${firstGiven()!.quote} / ${content}`, message.id, "name");
        } else if (answer?.kind === "first" && question.firstName && surnameGiven()) {
          add(`${answer.value} ${surnameGiven()!.value}`, 0.85, `${content} / ${surnameGiven()!.quote}`, message.id, "name");
        } else if (answer) {
          add(answer.value, 0.85, answer.value, message.id, answer.kind);
        }
        if (candidates.slice(before).some((candidate) => candidate.kind === "name")) settled.add(previousBusiness.id);
      }
    }

    // "Marta" earlier, now "Marta Gil Serrano perdona": the first name given, completed.
    const first = firstGiven();
    if (first && candidates.length === before) {
      const opening = readNameAt(content.trim(), false);
      if (opening && isFullName(opening) && sameFirstWord(opening, first.value)) add(opening, 0.8, opening, message.id, "name");
    }
    // "... I manage Trading Post Caravan Park. Kylie Morgan": a full name signing off the message.
    if (!candidates.slice(before).some((candidate) => candidate.kind === "name")) {
      const parts = partsOf(content);
      const last = parts.at(-1) ?? "";
      const name = parts.length > 1 ? wholeName(last, false) : null;
      if (name && isFullName(name) && name === last && /^\p{Lu}/u.test(name) && !isCatalogText(name, catalogWords)) add(name, 0.75, name, message.id, "name");
    }
  }

  const flags: ReviewFlag[] = [];
  const profile = profileAsName(read.input.contact.profileName);
  const full = candidates.filter((candidate) => candidate.kind === "name" && isFullName(candidate.value));
  // Prefer a full name; among several, the latest (a correction).
  const chosen = full.at(-1) ?? candidates.filter((candidate) => candidate.kind === "first").at(-1) ?? candidates.at(-1);
  if (chosen) {
    if (!isFullName(chosen.value) && profile && isFullName(profile) && fold(profile).startsWith(fold(chosen.value))) {
      return { name: { value: profile, evidence: { messageId: chosen.messageId, quote: chosen.quote }, confidence: 0.75 }, flags };
    }
    const distinct = new Set(full.map((candidate) => fold(candidate.value)));
    if (distinct.size > 1 && ![...distinct].every((value) => fold(chosen.value).startsWith(value.split(" ")[0]!))) {
      flags.push({ code: "value_corrected", field: "name", message: `Several names were given (${[...distinct].join(", ")}); the latest is kept`, messageId: chosen.messageId, params: { earlier: [...new Set(full.filter((candidate) => fold(candidate.value) !== fold(chosen.value)).map((candidate) => candidate.value))].join(", "), kept: chosen.value } });
    }
    return { name: { value: chosen.value, evidence: { messageId: chosen.messageId, quote: chosen.quote }, confidence: chosen.confidence }, flags };
  }
  if (profile) {
    flags.push({ code: "name_from_profile", field: "name", message: `No name in the conversation: using the WhatsApp profile name "${profile}"`, params: { name: profile } });
    return { name: { value: profile, evidence: null, confidence: isFullName(profile) ? 0.65 : 0.4 }, flags };
  }
  return { name: null, flags };
}
