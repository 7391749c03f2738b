// Finds the prospect's company: a name with a legal form ("Ltda", "GmbH",
// "S.A.S.", "PartG mbB", "LLC", or "SARL Bati-Sud" with the form first), "X from
// <Company>", "I work at", "dono do", "owner of", "ich führe den", "Name, de/
// société <Company>" right after the person's name, the answer to "what's the
// business called?", a name opening or closing with a kind of business
// ("Funilaria do Beto", "Tischlerei Becker", "Sweet Crumbs Bakery"), and a
// business WhatsApp profile the prospect names in the chat. A department before
// the company ("RH da", "Abteilung Einkauf der") is not part of it, a legal
// form keeps its own punctuation but not the sentence's full stop, a lowercase
// description ("a fintech in Yaba") is not a company, a trailing city ("em
// Maracanaú") is cut, and a name the business said first is the business's own.
import { findPhrase, phraseWords } from "../phrase-search";
import { firstWords, fold, matchesOf, trimEnd, trimStart } from "../text";
import type { FieldProposal } from "../types";
import { isBusinessWord, isDepartment, startsLikeBusiness, withoutDepartment } from "./business-words";
import type { ReadConversation } from "./context";
import { isLegalForm, LEGAL_FORM_SOURCE, PREFIX_FORM_SOURCE, tidyLegalForm } from "./legal-forms";
import { isCommonWord, TITLES } from "./name-words";

const COMPANY_WORD = "(?:[\\p{Lu}\\d][\\p{L}\\d&'’.-]*)";
const CONNECTOR = "(?:de|do|da|dos|das|del|la|el|los|las|of|the|and|&|\\+|y|e|und|für|fur|et|du|des|zur|zum|le)";
// Starts at a word's beginning and looks at most eight words ahead for the legal form,
// so a message of capitalized words is read once, not once from every word.
// A form may be followed by another ("& Co. KG").
const WITH_LEGAL_FORM = new RegExp(
  `(?<![\\p{L}\\d&'’.-])(${COMPANY_WORD}(?:\\s+(?:${COMPANY_WORD}|${CONNECTOR})){0,7}?\\s+${LEGAL_FORM_SOURCE}(?:\\s+(?:&\\s+)?${LEGAL_FORM_SOURCE}){0,2})(?![\\p{L}])`,
  "gu",
);
/** What every WITH_LEGAL_FORM match holds: a legal form after a space. One cheap scan, so a message without one skips the pattern's look ahead from every capitalized word. */
const HAS_LEGAL_FORM = new RegExp(`\\s${LEGAL_FORM_SOURCE}`, "u");
// "la SARL Bati-Sud": a French legal form before the name.
const LEGAL_FORM_FIRST = new RegExp(`(?<![\\p{L}])(${PREFIX_FORM_SOURCE})\\s+(?=\\p{Lu})`, "gu");
const CONNECTOR_WORD = new RegExp(`^${CONNECTOR}$`, "iu");
/** How much text after the person's name is read for "de <Company>" (a cue and a company). */
const AFTER_NAME_WINDOW = 200;

const COMPANY_CUES = /\b(?:from|at|with|for|bei|von|chez|pour)\s+/giu;
const ROLE_CUES =
  /\b(?:(?:i|we) (?:own|run|manage)(?: the)?|i['’]m the owner of|i['’]m working (?:at|for)|working (?:at|for)|work (?:at|for)|trabajo (?:en|para)(?: (?:el|la))?|trabalho (?:na|no|em|para)|ich arbeite (?:bei|für)|ich f[uü]hre (?:den|die|das)|ich leite (?:den|die|das)|je g[eè]re (?:le|la|l['’])|je dirige (?:le|la|l['’])|je m['’]occupe (?:du|de la|de l['’])|(?:gerencio|administro) (?:a|o)|(?:manejo|administro) (?:el|la)|wir sind (?:die|der|das)|je travaille (?:chez|pour|à|a)(?: la| le| l['’])?|je tiens|owner of|founder of|ceo of|manager at|director at|dono d[oa]|dona d[oa]|due[ñn]o de|due[ñn]a de|s[oó]ci[oa] d[oa]|propriet[aá]ri[oa] d[oa]|fundador(?:a)? d[aeo]|(?:gerente|diretor(?:a)?|director(?:a)?|encargad[oa]|responsable|respons[aá]vel|administrador(?:a)?) d[aeo]l?|(?:manager|director|head) of|directeur(?:rice)? de|gesch[aä]ftsf[uü]hrer(?:in)? (?:von|bei)|leiter(?:in)? (?:von|bei)|inhaber(?:in)? (?:von|der|des)|g[eé]rant(?:e)? de|tenho (?:a|o|uma|um)|tengo (?:la|el|una|un)|our company(?: is)?|my company(?: is)?|mi empresa(?: es| se llama)?|minha empresa(?: [eé]| se chama)?|nossa empresa(?: [eé]| se chama)?|unsere firma(?: ist| heißt| heisst)?|meine firma(?: ist| heißt| heisst)?|notre soci[eé]t[eé](?: est)?|ma soci[eé]t[eé](?: est)?|pour la soci[eé]t[eé]|la soci[eé]t[eé]|company (?:is )?called|(?:negocio|empresa|local|tienda|kiosco|loja|firma|laden|geschäft|shop|store|bakery|boutique|entreprise|soci[eé]t[eé]|commerce|restaurant|restaurante|padaria|panader[ií]a|caf[eé]|cafeter[ií]a|salon|sal[aã]o|cl[ií]nica|clinic|studio|estudio|hotel|praxis|kanzlei|atelier|ag[eê]ncia|agencia|agency)(?:\s+ka)?\s+(?:se llama|se chama|s['’]appelle|hei(?:ß|ss)t|naam(?: hai)?|is called)|(?:bakery|shop|store|restaurant|company|business|firm|agency|clinic|salon|cafe|studio|startup|brand|loja|empresa|negocio|tienda|firma|restaurante|padaria|panaderia|escola|escuela|salao|salon|boutique|laden|geschaft)\s+(?:called|named|chamad[ao]|llamad[ao]|namens|qui s['’]appelle))\s+/giu;

const COMPANY_QUESTION =
  /\b(?:company|business|organi[sz]ation|empresa|negocio|firma|unternehmen|societe|entreprise|companhia|loja|tienda|store|shop|praxis|hotel|verwaltung|local)\b.{0,30}\b(?:name|called|nombre|nome|llama|chama|heisst|nom|naam)\b|\b(?:name|nombre|nome|nom|called|llama|chama|heisst|appelle)\b.{0,20}\b(?:company|business|empresa|negocio|firma|unternehmen|entreprise|societe|praxis)\b|\b(?:which|what) (?:company|business|firm|practice|hotel)\b|\bcompany are you (?:with|from)\b|\b(?:para )?(?:que|qual) (?:empresa|negocio|loja)\b|\bwelche(?:r|s|n)? (?:firma|praxis|kanzlei|verwaltung|unternehmen|buro)\b|\bwie heisst (?:ihr|ihre|die|das|euer|eure) (?:buro|firma|praxis|kanzlei|unternehmen|laden|geschaft|betrieb)\b|\bquel(?:le)? (?:entreprise|societe|hotel|commerce|cabinet)\b|\bkaun si (?:company|firm|shop)\b/;

/** What may stand between a person's name and their company. */
const AFTER_NAME_CUE =
  /^(?:\s+(?:here|aqui|aquí|ici|hier|speaking|falando|hablando|again|otra vez|de nuevo|de novo|encore|nochmal))?\s*(?:,|[-–—])?\s*(?:(?:de|from|of|at|with|bei|von|vom|vo|chez|aus)(?:\s+(?:la|le|l['’]|el|the|der|die|dem|den|de))?|da|do|del|dos|das|@|(?:la |a |the )?(?:soci[eé]t[eé]|empresa|company|firma|entreprise|compañ[ií]a|companhia))\s+|^\s*,\s*(?=\S)/iu;

/** Splits an answer into parts, not after a title or an initial ("Dr. Lenz"). */
const PART_BREAK = /[,;!?\n]|(?<!(?:^|\s)(?:\p{L}|mr|mrs|ms|dr|sr|sra|srta|mme|mlle|prof|st|co|inc|ltd|corp))\.(?:\s|$)|\s[-–—]\s/iu;

/** The text right after the person's name in `content` (accent- and case-insensitive), or null. */
function textAfterName(content: string, personName: string): string | null {
  const name = phraseWords([personName]);
  const match = findPhrase(content, name) ?? findPhrase(content.normalize("NFC"), name);
  return match ? content.slice(match.index + match.length, match.index + match.length + AFTER_NAME_WINDOW) : null;
}

interface CompanyCandidate {
  value: string;
  messageId: string;
  /** Position of the message in the conversation. */
  index: number;
  quote: string;
  confidence: number;
}

/** Reads a capitalized company name from the start of `text`, cutting at punctuation or a place ("em", "in"). */
export function readCompanyAt(text: string): string | null {
  const words = firstWords(text, 7);
  const taken: string[] = [];
  for (const raw of words) {
    const word = trimStart(trimEnd(raw, ',;:!?()"'), '("');
    const closesClause = /[,;:!?)]["']?$/.test(raw);
    // A dot belongs to a legal form ("S.A.S.", "Co."), a title ("Dr.") or an initial; otherwise it ends the sentence.
    const ownsDot = word.endsWith(".") && (isLegalForm(word) || TITLES.test(word) || /^\p{Lu}\.$/u.test(word) || /\p{L}\.\p{L}/u.test(word));
    const clean = word.endsWith(".") && !ownsDot ? word.slice(0, -1) : word;
    if (/^\p{Lu}|^\d+\p{L}/u.test(clean) || (taken.length > 0 && (clean === "&" || clean === "+" || isLegalForm(clean)))) taken.push(clean);
    else if (taken.length > 0 && CONNECTOR_WORD.test(clean)) taken.push(clean);
    else break;
    if (closesClause || (word.endsWith(".") && !ownsDot) || taken.length >= 6) break;
  }
  while (taken.length > 0 && (CONNECTOR_WORD.test(taken.at(-1)!) || taken.at(-1) === "&" || taken.at(-1) === "+")) taken.pop();
  if (taken.length === 0) return null;
  const name = tidyLegalForm(taken.join(" "));
  return /\p{L}{2,}/u.test(name) ? name : null;
}

const WORD_RUN = /\S+/g;

/** A name around a kind-of-business word in `content`: opening with it ("Tischlerei Becker") or closing with it ("Sweet Crumbs Bakery"). */
function namesAroundBusinessWords(content: string): Array<{ value: string; at: number }> {
  const found: Array<{ value: string; at: number }> = [];
  const words = matchesOf(WORD_RUN, content);
  words.forEach((match, position) => {
    const raw = match[0];
    const bare = trimStart(trimEnd(raw, ',;:!?()."'), '("');
    if (!/^\p{Lu}/u.test(bare) || !isBusinessWord(bare) || isLegalForm(bare)) return;
    const next = words[position + 1]?.[0] ?? "";
    const endsHere = /[,;:!?)]$|\.$/.test(raw);
    if (!endsHere && /^[\p{Lu}\d&]/u.test(next)) {
      const value = readCompanyAt(content.slice(match.index));
      if (value && value.includes(" ")) found.push({ value, at: match.index });
      return;
    }
    // Closing word: walk back over capitalized words, connectors and "&" to the start of the name.
    let start = position;
    while (start > 0 && position - start < 5) {
      const previous = words[start - 1]![0];
      if (/[,;:!?.]$/.test(previous) && !/^(?:&|\p{Lu}\.)$/u.test(previous)) break;
      if (/^[\p{Lu}&]/u.test(previous) || (start - 1 > 0 && CONNECTOR_WORD.test(previous) && /^\p{Lu}/u.test(words[start - 2]![0]))) start--;
      else break;
    }
    // Leading common words are the sentence's ("We", "Our", "Hi"), not the name's.
    while (start < position && isCommonWord(fold(words[start]![0]))) start++;
    if (start === position) return;
    const value = readCompanyAt(content.slice(words[start]!.index));
    if (value && value.includes(" ")) found.push({ value, at: words[start]!.index });
  });
  return found;
}

/** A WhatsApp profile that names a business ("Mercearia Bom Jesus"), without emoji. */
function businessProfile(profile: string | null): string | null {
  if (!profile) return null;
  const cleaned = profile.replace(/[^\p{L}\p{N}\s&.'’-]/gu, " ").replace(/\s+/g, " ").trim();
  const words = cleaned.split(" ");
  return words.length >= 2 && words.some((word) => isBusinessWord(word)) ? cleaned : null;
}

export function findCompany(read: ReadConversation, personName: string | null): FieldProposal<string> | null {
  const candidates: CompanyCandidate[] = [];
  const person = personName ? fold(personName) : null;
  const products = read.input.products.map(fold);
  const businessSaid = read.input.messages.map((message) => (message.role === "user" ? "" : fold(message.content)));
  const acceptable = (value: string | null, index: number): value is string => {
    if (!value || isDepartment(value)) return false;
    const folded = fold(value);
    // A catalog item is not a company, nor a name holding a whole multi-word item ("Kit Solar Comercial");
    // a one-word item inside a name is fine ("Carrosserie Dupont").
    if (products.some((product) => product === folded || product.includes(folded) || (product.includes(" ") && folded.includes(product)))) return false;
    if (person && (folded === person || person.includes(folded))) return false;
    // A name the business wrote before the prospect did is the business's own ("Smith & Sons").
    if (businessSaid.some((said, at) => at < index && said.includes(folded))) return false;
    return true;
  };
  const add = (raw: string | null, messageId: string, index: number, quote: string, confidence: number) => {
    const value = raw ? tidyLegalForm(withoutDepartment(raw.trim())) : null;
    if (acceptable(value, index)) candidates.push({ value, messageId, index, quote, confidence });
  };

  for (const { message, index, previousBusiness } of read.prospect) {
    const content = message.content;
    for (const match of HAS_LEGAL_FORM.test(content) ? matchesOf(WITH_LEGAL_FORM, content) : []) add(match[1]!, message.id, index, match[1]!, 0.9);
    for (const match of matchesOf(LEGAL_FORM_FIRST, content)) {
      const name = readCompanyAt(content.slice(match.index + match[0].length));
      if (name) add(`${match[1]} ${name}`, message.id, index, `${match[1]} ${name}`, 0.88);
    }
    for (const match of matchesOf(ROLE_CUES, content)) {
      // "dueño de la Ferretería Vera": an article before a capitalized name is not part of it.
      const article = /^(?:la|el|le|les|l['’]|the|o|a|os|as|der|die|das|dem|den)\s+(?=\p{Lu})/iu.exec(content.slice(match.index + match[0].length, match.index + match[0].length + 12));
      const start = match.index + match[0].length + (article?.[0].length ?? 0);
      const value = readCompanyAt(content.slice(start));
      if (value) add(value, message.id, index, content.slice(match.index, start + value.length), 0.8);
    }
    // "this is Priyanka from Nexa Pharma": a company after a self-introduction.
    for (const match of matchesOf(COMPANY_CUES, content)) {
      const before = content.slice(Math.max(0, match.index - 40), match.index);
      if (!/\b(?:this is|it['’]s|c['’]est|hier ist|i['’]?m|i am|soy|sou|ich bin|je suis|here|aqui|aquí)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?(?:\s+(?:again|otra vez|de nuevo|de novo|encore|nochmal|wieder))?\s*,?\s*$/iu.test(before)) continue;
      const start = match.index + match[0].length;
      const value = readCompanyAt(content.slice(start));
      if (value) add(value, message.id, index, content.slice(match.index, start + value.length), 0.75);
    }
    // "Pedro Sánchez de Café Montaña", "Luc Martin, société Martin Immobilier": a company right after the person's name.
    const afterName = personName ? textAfterName(content, personName) : null;
    if (afterName !== null) {
      const cue = AFTER_NAME_CUE.exec(afterName);
      const rest = cue ? afterName.slice(cue[0].length) : null;
      const value = rest !== null ? readCompanyAt(rest) : null;
      // A bare comma or "de/da" needs a business-looking name: "de novo", "de la Cruz" and "B-402 Sea Breeze" are not companies.
      const loose = cue !== null && /^\s*(?:,\s*$|,?\s*(?:de|da|do|del|dos|das)\s)/iu.test(cue[0]);
      const clear = cue !== null && (!loose || (value !== null && (startsLikeBusiness(value) || value.split(/\s+/).some((word) => isBusinessWord(word)))));
      if (clear && value) add(value, message.id, index, value, 0.8);
    }
    if (previousBusiness && COMPANY_QUESTION.test(fold(previousBusiness.content))) {
      // "Tom Nguyen, Nguyen Electrical" answers "who am I speaking with and at which company?".
      const parts = content.split(PART_BREAK).map((part) => part.trim()).filter(Boolean);
      const others = parts.filter((part) => !person || !fold(part).includes(person));
      const first = others.find((part) => startsLikeBusiness(part)) ?? others[0] ?? "";
      const value = readCompanyAt(first);
      if (value && (value === first || value === tidyLegalForm(first)) && !isCommonWord(fold(value.split(/\s+/)[0]!))) add(value, message.id, index, first, 0.8);
    }
    for (const { value } of namesAroundBusinessWords(content)) add(value, message.id, index, value, 0.72);
  }
  // A business profile ("Pet Shop Patinhas") the prospect names in the chat, even in lowercase.
  const profile = businessProfile(read.input.contact.profileName);
  if (profile) {
    const named = read.prospect.find(({ message }) => fold(message.content).includes(fold(profile)));
    if (named) add(profile, named.message.id, named.index, profile, 0.7);
  }

  // The most certain reading; among equals, the fullest name ("Zahnarztpraxis Dr. Lenz" over "Praxis Dr. Lenz").
  const best = [...candidates].sort((a, b) => b.confidence - a.confidence || b.value.length - a.value.length)[0];
  return best ? { value: best.value, evidence: { messageId: best.messageId, quote: best.quote }, confidence: best.confidence } : null;
}
