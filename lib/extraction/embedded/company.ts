// Finds the prospect's company: a name with a legal form ("Ltda", "GmbH",
// "PartG mbB", "LLC"), "X from <Company>", "I work at", "dono do", "owner of",
// "Name, de/société <Company>" right after the person's name, and the answer to
// "what's the business called?". A lowercase description
// ("a fintech in Yaba") is not a company; a trailing city ("em Maracanaú") is cut.
import { firstWords, fold, trimEnd, trimStart } from "../text";
import type { FieldProposal } from "../types";
import { startsLikeBusiness } from "./business-words";
import type { ReadConversation } from "./context";

const LEGAL_FORM =
  "(?:Ltda\\.?|Ltd\\.?|Limited|LLC|L\\.L\\.C\\.|LLP|Inc\\.?|Corp\\.?|Corporation|GmbH(?:\\s*&\\s*Co\\.?\\s*KG)?|AG|KG|e\\.K\\.|PartG(?:\\s*mbB)?|mbB|S\\.?A\\.?(?:\\s*de\\s*C\\.?V\\.?)?|S\\.?L\\.?|S\\.?R\\.?L\\.?|SARL|SAS|EIRELI|Pvt\\.?\\s*Ltd\\.?|Pty\\.?\\s*Ltd\\.?|PLC|B\\.?V\\.?|N\\.?V\\.?|SpA|Srl)";
const COMPANY_WORD = "(?:[\\p{Lu}\\d][\\p{L}\\d&'’.-]*)";
const CONNECTOR = "(?:de|do|da|dos|das|del|la|el|los|las|of|the|and|&|y|e|und|für|fur|et|du|des)";
// Starts at a word's beginning and looks at most eight words ahead for the legal form,
// so a message of capitalized words is read once, not once from every word.
const WITH_LEGAL_FORM = new RegExp(`(?<![\\p{L}\\d&'’.-])(${COMPANY_WORD}(?:\\s+(?:${COMPANY_WORD}|${CONNECTOR})){0,7}?\\s+${LEGAL_FORM})(?![\\p{L}])`, "gu");
const CONNECTOR_WORD = new RegExp(`^${CONNECTOR}$`, "iu");
/** How much text after the person's name is read for "de <Company>" (a cue and a company). */
const AFTER_NAME_WINDOW = 200;

const COMPANY_CUES =
  /\b(?:from|at|with|for|bei|von|chez|pour)\s+/giu;
const ROLE_CUES =
  /\b(?:(?:i|we) (?:own|run|manage)(?: the)?|i['’]m the owner of|i['’]m working (?:at|for)|working (?:at|for)|work (?:at|for)|trabajo (?:en|para)|trabalho (?:na|no|em|para)|ich arbeite (?:bei|für)|je travaille (?:chez|pour)|owner of|founder of|ceo of|manager at|director at|dono d[oa]|dona d[oa]|due[ñn]o de|due[ñn]a de|s[oó]ci[oa] d[oa]|propriet[aá]ri[oa] d[oa]|fundador(?:a)? d[aeo]|(?:gerente|diretor(?:a)?|director(?:a)?|encargad[oa]|responsable|respons[aá]vel|administrador(?:a)?) d[aeo]l?|(?:manager|director|head) of|directeur(?:rice)? de|gesch[aä]ftsf[uü]hrer(?:in)? (?:von|bei)|leiter(?:in)? (?:von|bei)|inhaber(?:in)? von|g[eé]rant(?:e)? de|our company(?: is)?|my company(?: is)?|mi empresa(?: es| se llama)?|minha empresa(?: [eé]| se chama)?|nossa empresa(?: [eé]| se chama)?|unsere firma(?: ist| heißt)?|meine firma(?: ist| heißt)?|notre soci[eé]t[eé](?: est)?|ma soci[eé]t[eé](?: est)?|company (?:is )?called|empresa se llama|empresa se chama|(?:bakery|shop|store|restaurant|company|business|firm|agency|clinic|salon|cafe|studio|startup|brand|loja|empresa|negocio|tienda|firma|restaurante|padaria|panaderia|escola|escuela|salao|salon|boutique|laden|geschaft)\s+(?:called|named|chamad[ao]|llamad[ao]|namens|qui s['’]appelle))\s+/giu;

const COMPANY_QUESTION =
  /\b(?:company|business|organi[sz]ation|empresa|negocio|negocio|firma|unternehmen|societe|entreprise|companhia|loja|tienda|store|shop)\b.{0,30}\b(?:name|called|nombre|nome|llama|chama|heisst|heißt|nom)\b|\b(?:name|nombre|nome|nom|called|llama|chama|heisst|heißt|appelle)\b.{0,20}\b(?:company|business|empresa|negocio|firma|unternehmen|entreprise|societe)\b|\b(?:which|what) (?:company|business|firm)\b|\bcompany are you (?:with|from)\b|\bque empresa\b|\bqual empresa\b|\bwelche firma\b|\bquelle (?:entreprise|societe)\b/;

/** What may stand between a person's name and their company. */
const AFTER_NAME_CUE =
  /^(?:\s+(?:here|aqui|aquí|ici|hier|speaking|falando|hablando|again|otra vez|de nuevo|de novo|encore|nochmal))?\s*(?:,|[-–—])?\s*(?:(?:de|from|of|at|with|bei|von|chez|aus)(?:\s+(?:la|le|l['’]|el|the|der|die|dem|den))?|da|do|del|dos|das|@|(?:la |a |the )?(?:soci[eé]t[eé]|empresa|company|firma|entreprise|compañ[ií]a|companhia))\s+|^\s*,\s*(?=\S)/iu;

/** The text right after the person's name in `content` (accent- and case-insensitive), or null. */
function textAfterName(content: string, personName: string): string | null {
  const words = personName.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(words.join("\\s+"), "iu");
  const match = pattern.exec(content) ?? pattern.exec(content.normalize("NFC"));
  return match ? content.slice(match.index + match[0].length, match.index + match[0].length + AFTER_NAME_WINDOW) : null;
}

interface CompanyCandidate {
  value: string;
  messageId: string;
  quote: string;
  confidence: number;
}

/** Reads a capitalized company name from the start of `text`, cutting at punctuation or a place ("em", "in"). */
export function readCompanyAt(text: string): string | null {
  const words = firstWords(text, 6);
  const taken: string[] = [];
  for (const raw of words) {
    const ended = /[,;:!?()]$|\.$/.test(raw) && !/^(?:Co|Inc|Ltd|Corp|S\.A|Ltda)\.$/i.test(raw);
    const word = trimStart(trimEnd(raw, ',;:!?()"'), '("').replace(/\.$/, (dot) => (/^(?:Co|Inc|Ltd|Corp)\.$/i.test(raw) ? dot : ""));
    if (/^\p{Lu}|^\d+\p{L}/u.test(word)) taken.push(word);
    else if (taken.length > 0 && CONNECTOR_WORD.test(word)) taken.push(word);
    else break;
    if (ended || taken.length >= 6) break;
  }
  while (taken.length > 0 && CONNECTOR_WORD.test(taken.at(-1)!)) taken.pop();
  if (taken.length === 0) return null;
  const name = taken.join(" ");
  return /\p{L}{2,}/u.test(name) ? name : null;
}

export function findCompany(read: ReadConversation, personName: string | null): FieldProposal<string> | null {
  const candidates: CompanyCandidate[] = [];
  const person = personName ? fold(personName) : null;
  const products = new Set(read.input.products.map(fold));
  const acceptable = (value: string | null): value is string => {
    if (!value) return false;
    const folded = fold(value);
    if (products.has(folded) || (person && (folded === person || person.includes(folded)))) return false;
    return true;
  };

  for (const { message, previousBusiness } of read.prospect) {
    const content = message.content;
    for (const match of content.matchAll(WITH_LEGAL_FORM)) {
      const value = match[1]!.trim();
      if (acceptable(value)) candidates.push({ value, messageId: message.id, quote: value, confidence: 0.9 });
    }
    for (const match of content.matchAll(ROLE_CUES)) {
      // "dueño de la Ferretería Vera": an article before a capitalized name is not part of it.
      const article = /^(?:la|el|le|les|l['’]|the|o|a|os|as|der|die|das|dem|den)\s+(?=\p{Lu})/iu.exec(content.slice(match.index + match[0].length));
      const start = match.index + match[0].length + (article?.[0].length ?? 0);
      const value = readCompanyAt(content.slice(start));
      if (acceptable(value)) candidates.push({ value, messageId: message.id, quote: content.slice(match.index, start + value.length), confidence: 0.8 });
    }
    // "this is Priyanka from Nexa Pharma": a company after a self-introduction.
    for (const match of content.matchAll(COMPANY_CUES)) {
      const before = content.slice(Math.max(0, match.index - 40), match.index);
      if (!/\b(?:this is|it['’]s|c['’]est|hier ist|i['’]?m|i am|soy|sou|ich bin|je suis|here|aqui|aquí)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?(?:\s+(?:again|otra vez|de nuevo|de novo|encore|nochmal|wieder))?\s*,?\s*$/iu.test(before)) continue;
      const start = match.index + match[0].length;
      const value = readCompanyAt(content.slice(start));
      if (acceptable(value)) candidates.push({ value, messageId: message.id, quote: content.slice(match.index, start + value.length), confidence: 0.75 });
    }
    // "Pedro Sánchez de Café Montaña", "Luc Martin, société Martin Immobilier": a company right after the person's name.
    const afterName = personName ? textAfterName(content, personName) : null;
    if (afterName !== null) {
      const cue = AFTER_NAME_CUE.exec(afterName);
      const rest = cue ? afterName.slice(cue[0].length) : null;
      const value = rest !== null ? readCompanyAt(rest) : null;
      // A bare "de/da" needs a business-looking name ("de novo" and "de la Cruz" are not companies).
      // A bare comma or "de/da" needs a business-looking name: "de novo", "de la Cruz" and "B-402 Sea Breeze" are not companies.
      const loose = cue !== null && /^\s*(?:,\s*$|,?\s*(?:de|da|do|del|dos|das)\s)/iu.test(cue[0]);
      const clear = cue !== null && (!loose || (value !== null && startsLikeBusiness(value)));
      if (clear && acceptable(value)) candidates.push({ value, messageId: message.id, quote: value, confidence: 0.8 });
    }
    if (previousBusiness && COMPANY_QUESTION.test(fold(previousBusiness.content))) {
      // "Tom Nguyen, Nguyen Electrical" answers "who am I speaking with and at which company?".
      const parts = content.split(/[,;.!?\n]|\s[-–—]\s/).map((part) => part.trim()).filter(Boolean);
      const first = parts.find((part) => !person || fold(part) !== person) ?? "";
      const value = readCompanyAt(first);
      if (value === first && acceptable(value)) candidates.push({ value, messageId: message.id, quote: first, confidence: 0.8 });
    }
  }
  const best = [...candidates].sort((a, b) => b.confidence - a.confidence)[0];
  return best ? { value: best.value, evidence: { messageId: best.messageId, quote: best.quote }, confidence: best.confidence } : null;
}
