// How catalog product names are compared with what people write: distinctive
// tokens (a word shared by several products counts less), fuzzy matching for
// misspellings ("rome ofice" ~ "Home Office"), synonyms a workspace's reviewers
// taught (learned from their corrections), a broken thing read as a repair
// ("the AC is not cooling"), a different service on the same thing ruled out
// (a burst pipe in the bathroom is not a bathroom renovation), and the
// customer segment a product is for (business vs private). A workspace's
// catalog is compiled once and reused.
import { fold, stem, tokenSimilarity, tokens } from "../text";
import { isCommonWord } from "./name-words";
import { canonical, GENERIC_STEMS, SERVICE_STEMS } from "./product-lexicon";

const FILLER = new Set(
  (
    "de da do das dos del para pra pro the of for a an and e y et und fur la le el los las les with com con mit you your my our we i it is are as go in on to at by per " +
    "um uma o os en no na nos au aux im am zum zur der die das ein eine un une mi tu su ka ki ke se nach von vom bei beim auf ins"
  ).split(" "),
);

const BUSINESS_WORDS = ["corporate", "business", "commercial", "comercial", "company", "empresa", "firmen", "firma", "pyme", "pme", "sme", "enterprise", "b2b", "negocio", "gewerbe", "entreprise", "professionnel", "office"];
const PRIVATE_WORDS = ["residential", "residencial", "home", "house", "private", "privat", "personal", "pessoal", "particular", "family", "familia", "casa", "domestic", "haus", "maison", "particulier"];

/** Words in a prospect's messages that say which segment they are in. */
export const BUSINESS_CUES = [
  "company", "business", "office", "team", "employees", "staff", "colleagues", "shop", "store", "restaurant", "clinic", "empresa", "negocio", "escritorio",
  "oficina", "loja", "tienda", "mercadinho", "mercado", "comercio", "firma", "buro", "unternehmen", "mitarbeiter", "arbeitsplatze", "entreprise", "bureau",
  "societe", "boutique", "magasin", "dukaan", "dukan", "factory", "fabrica", "warehouse", "galpao", "funcionarios", "empleados", "sucursal", "filial",
];
export const PRIVATE_CUES = [
  "home", "house", "apartment", "flat", "family", "kids", "wohnung", "haus", "zimmer", "casa", "apartamento", "apto", "departamento", "maison", "appartement",
  "logement", "ghar", "famille", "familia", "familie", "bhk", "chambres", "quartos", "habitaciones",
];

/** A thing that broke, leaks or stopped working, in the supported languages: the prospect wants a repair. */
export const BROKEN_PHRASES =
  /\b(?:not working|doesn t work|does not work|isn t working|stopped working|broken|broke down|not cooling|roto|rota|se rompio|averiado|averiada|descompuesto|descompuesta|no funciona|no enfria|no calienta|no prende|dejo de funcionar|nao funciona|nao liga|nao gela|parou de funcionar|quebrad[oa]|estragad[oa]|kaputt|defekt|funktioniert nicht|geht nicht mehr|ausgefallen|en panne|ne marche (?:plus|pas)|ne fonctionne (?:plus|pas)|casse|kharab|kaam nahi kar|thanda nahi|leak|leaks|leaking|fuga|gotea|vazamento|vazando|fuite|undicht|tropft|(?:lad|start|spring|funktionier|geh)\w* nicht mehr|start nahi|nao pega|no arranca|ne demarre pas|won t start|doesn t start)\b/g;

export type Segment = "business" | "private" | null;

/** One word of a product's name in the forms it can be written: "Gitarrenunterricht" as itself and as "lesson". */
export type WordForms = Array<{ token: string; weight: number; number: boolean; service: boolean }>;

export interface CatalogProduct {
  name: string;
  /** Every form of every word (for position and number lookups). */
  tokens: string[];
  /** The forms that are not numbers (what names the product in running text). */
  wordTokens: string[];
  /** Per word of the name, its forms with their distinctiveness (1 when only this product has it). */
  words: WordForms[];
  /** Words a reviewer taught for this product (folded, stemmed); each is a distinctive mention. */
  synonyms: string[];
  segment: Segment;
}

function segmentOf(name: string): Segment {
  const folded = fold(name);
  const business = BUSINESS_WORDS.some((word) => folded.includes(word));
  const personal = PRIVATE_WORDS.some((word) => folded.includes(word));
  if (business === personal) return null;
  return business ? "business" : "private";
}

const NUMBER = /^\d+$/;
const compiled = new Map<string, CatalogProduct[]>();
const COMPILED_CATALOGS = 256;

/** The catalog compiled for matching, with learned synonyms per product name. Cached per catalog. */
export function buildCatalog(names: string[], synonyms: Record<string, string[]> = {}): CatalogProduct[] {
  const key = JSON.stringify([names, synonyms]);
  const cached = compiled.get(key);
  if (cached) return cached;
  // A compound keeps its own form beside its parts: "Unterhaltsreinigung" is itself (only this product) and "cleaning" (shared).
  const formLists = names.map((name) =>
    tokens(name)
      .filter((token) => !FILLER.has(token))
      .map((token) => [...new Set([...canonical(stem(token)), stem(token)])]),
  );
  const everyForm = formLists.map((words) => words.flat());
  const catalog = names.map((name, index) => {
    const own = formLists[index]!;
    const words = own.map((forms) =>
      forms.map((token) => {
        const sharing = everyForm.filter((list) => list.some((other) => tokenSimilarity(other, token) >= 0.85)).length;
        // "Plan" or "Kit" alone says little ("mudou o plano"): a generic word counts half.
        const weight = (GENERIC_STEMS.has(token) && own.length > 1 ? 0.5 : 1) / Math.max(1, sharing);
        return { token, weight, number: NUMBER.test(token), service: SERVICE_STEMS.has(token) };
      }),
    );
    // An own property only: a product named "constructor" has no synonyms from Object's prototype.
    const taught = (Object.hasOwn(synonyms, name) ? synonyms[name]! : []).map((word) => stem(fold(word)));
    const tokens = own.flat();
    return { name, tokens, wordTokens: tokens.filter((token) => !NUMBER.test(token)), words, synonyms: taught, segment: segmentOf(name) };
  });
  if (compiled.size >= COMPILED_CATALOGS) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, catalog);
  return catalog;
}

/** What a prospect wrote, as catalog tokens are compared with it. */
export interface Written {
  /** Forms of content words, matched with spelling tolerance ("ofice" ~ "office"). */
  fuzzy: string[];
  /** Forms that must match exactly: common words ("pour" is not "cours") and lexicon translations. */
  exact: string[];
  /** A broken thing was described: a repair the prospect did not name but needs. */
  inferredRepair: boolean;
  /** The services named (or, for a broken thing, inferred), "service" itself aside. */
  namedServices: string[];
}

/** The written forms of `text`; a broken thing ("lädt nicht mehr", "no enfría") infers a repair. */
export function writtenForms(text: string): Written {
  const fuzzy: string[] = [];
  const exact: string[] = [];
  for (const word of tokens(text)) {
    const stemmed = stem(word);
    (isCommonWord(word) ? exact : fuzzy).push(stemmed);
    for (const form of canonical(stemmed)) if (form !== stemmed) exact.push(form);
  }
  BROKEN_PHRASES.lastIndex = 0;
  const inferredRepair = BROKEN_PHRASES.test(fold(text).replace(/['’]/g, " "));
  const namedServices = [...exact, ...fuzzy, ...(inferredRepair ? ["repair"] : [])].filter((word) => SERVICE_STEMS.has(word) && word !== "service");
  return { fuzzy, exact, inferredRepair, namedServices };
}

function similarity(written: Written, token: string, number: boolean): number {
  if (number) return written.fuzzy.includes(token) || written.exact.includes(token) ? 1 : 0;
  if (written.exact.includes(token)) return 1;
  let best = 0;
  for (const word of written.fuzzy) if ((best = Math.max(best, tokenSimilarity(word, token))) === 1) break;
  return best;
}

export interface Mention {
  /** Distinctive weight found. */
  strength: number;
  /** Share of the product's words found. */
  coverage: number;
  /** A service word matched ("maintenance", "repair"). */
  service: boolean;
  /** Matched only through a repair the prospect did not name ("the AC is not cooling"). */
  inferred: boolean;
}

const NONE: Mention = { strength: 0, coverage: 0, service: false, inferred: false };

/**
 * How strongly the written forms mention the product: the sum of the distinctive
 * weights of the product's words found in them (fuzzy), or a word a reviewer taught.
 * Numbers only count beside a word. A product whose service ("renovation") is absent
 * while the prospect names another service ("repair") is not mentioned.
 */
export function mention(product: CatalogProduct, written: Written): Mention {
  if (written.fuzzy.length === 0 && written.exact.length === 0 && !written.inferredRepair) return NONE;
  const taught = product.synonyms.some((synonym) => written.fuzzy.includes(synonym) || written.exact.includes(synonym));
  let explicit = false;
  let service = false;
  let missingService = false;
  let words = 0;
  let numbers = 0;
  let found = 0;
  for (const forms of product.words) {
    // A word of the name counts once, in its best-matching form.
    let best = 0;
    let numeric = false;
    let serviceForm = false;
    for (const { token, weight, number, service: isService } of forms) {
      let match = similarity(written, token, number);
      if (match > 0) explicit = true;
      if (match === 0 && token === "repair" && written.inferredRepair) match = 1;
      if (match * weight > best) {
        best = match * weight;
        numeric = number;
        serviceForm = isService;
      }
    }
    if (numeric) numbers += best;
    else words += best;
    if (best > 0) found++;
    if (best > 0 && serviceForm) service = true;
    if (best === 0 && forms.some(({ token, service: isService }) => isService && token !== "service")) missingService = true;
  }
  if (missingService && !service && written.namedServices.some((word) => !product.tokens.includes(word))) return NONE;
  if (taught) return { strength: Math.max(1, words + numbers), coverage: 1, service, inferred: false };
  return words > 0 ? { strength: words + numbers, coverage: found / Math.max(1, product.words.length), service, inferred: !explicit } : NONE;
}

/** The product named only by a number the catalog gives it alone ("o de 600" for "Plano 600 Mega"), among `among`. */
export function numberedIn(written: Written, among: CatalogProduct[], catalog: CatalogProduct[]): CatalogProduct | null {
  const numbers = written.fuzzy.filter((word) => NUMBER.test(word));
  const named = among.filter((product) => product.tokens.some((token) => numbers.includes(token) && catalog.filter((other) => other.tokens.includes(token)).length === 1));
  return named.length === 1 ? named[0]! : null;
}

/** The words of a text, each in the forms a catalog token is compared with, for `firstMentionAt`. */
export type TextWords = Array<{ stemmed: string; forms: string[] }>;

/** `text`'s words in order, each stemmed and with its lexicon forms: read once, then asked of every product. */
export function textWords(text: string): TextWords {
  return tokens(text).map((word) => {
    const stemmed = stem(word);
    return { stemmed, forms: [stemmed, ...canonical(stemmed)] };
  });
}

/** Position of the first of `words` that names the product (Infinity when none): "panels plus battery" names panels first. */
export function firstMentionAt(product: CatalogProduct, words: TextWords): number {
  const index = words.findIndex(
    ({ stemmed, forms }) => product.wordTokens.some((token) => forms.some((form) => tokenSimilarity(form, token) > 0)) || product.synonyms.includes(stemmed),
  );
  return index < 0 ? Infinity : index;
}

/** Cue words, looked up whole, and (four letters or more, shortest first) inside a longer word: "Architekturbüro" holds "buro". */
interface CueIndex {
  whole: Set<string>;
  inside: string[];
}

function cueIndex(cues: string[]): CueIndex {
  return { whole: new Set(cues), inside: cues.filter((cue) => cue.length >= 4).sort((a, b) => a.length - b.length) };
}

const BUSINESS_CUE_INDEX = cueIndex(BUSINESS_CUES);
const PRIVATE_CUE_INDEX = cueIndex(PRIVATE_CUES);

/** True when `word` is a cue or holds one with at least three letters to spare (a short word is only looked up). */
function isCue(word: string, cues: CueIndex): boolean {
  if (cues.whole.has(word)) return true;
  for (const cue of cues.inside) {
    if (cue.length > word.length - 3) break;
    if (word.includes(cue)) return true;
  }
  return false;
}

/**
 * The segment most words of the texts point to ("2-Zimmer-Wohnung" private; "Architekturbüro" business), or null.
 * Each text is tokenized on its own (its fold is already known), which gives the words of the texts joined.
 */
export function segmentOfText(texts: string[]): Segment {
  const words = texts.flatMap((text) => tokens(text));
  const business = words.filter((word) => isCue(word, BUSINESS_CUE_INDEX)).length;
  const personal = words.filter((word) => isCue(word, PRIVATE_CUE_INDEX)).length;
  if (business === personal) return null;
  return business > personal ? "business" : "private";
}
