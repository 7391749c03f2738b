// How catalog product names are compared with what people write: distinctive
// tokens (a word shared by several products counts less), fuzzy matching for
// misspellings ("rome ofice" ~ "Home Office"), synonyms a workspace's reviewers
// taught (learned from their corrections), a broken thing read as a repair
// ("the AC is not cooling"), a different service on the same thing ruled out
// (a burst pipe in the bathroom is not a bathroom renovation), and the
// customer segment a product is for (business vs private). A workspace's
// catalog is compiled once and reused.
import { fold, stem, tokenSimilarity, tokens } from "../text";
import { canonical, GENERIC_STEMS, SERVICE_STEMS } from "./product-lexicon";

const FILLER = new Set(
  (
    "de da do das dos del para pra pro the of for a an and e y et und fur la le el los las les with com con mit you your my our we i it is are as go in on to at by per " +
    "um uma o os en no na nos au aux im am zum zur der die das ein eine un une mi tu su ka ki ke se"
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
const BROKEN =
  /\b(?:not working|doesn t work|does not work|isn t working|stopped working|broken|broke down|not cooling|roto|rota|se rompio|averiado|averiada|descompuesto|descompuesta|no funciona|no enfria|no calienta|no prende|dejo de funcionar|nao funciona|nao liga|nao gela|parou de funcionar|quebrad[oa]|estragad[oa]|kaputt|defekt|funktioniert nicht|geht nicht mehr|ausgefallen|en panne|ne marche (?:plus|pas)|ne fonctionne (?:plus|pas)|casse|kharab|kaam nahi kar|thanda nahi|leak|leaks|leaking|fuga|gotea|vazamento|vazando|fuite|undicht|tropft)\b/;

export type Segment = "business" | "private" | null;

export interface CatalogProduct {
  name: string;
  tokens: string[];
  /** Distinctiveness of each token: 1 when only this product has it. */
  weights: number[];
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

const compiled = new Map<string, CatalogProduct[]>();
const COMPILED_CATALOGS = 256;

/** The catalog compiled for matching, with learned synonyms per product name. Cached per catalog. */
export function buildCatalog(names: string[], synonyms: Record<string, string[]> = {}): CatalogProduct[] {
  const key = JSON.stringify([names, synonyms]);
  const cached = compiled.get(key);
  if (cached) return cached;
  const tokenLists = names.map((name) => tokens(name).filter((token) => !FILLER.has(token)).flatMap((token) => canonical(stem(token))));
  const catalog = names.map((name, index) => {
    const own = tokenLists[index]!;
    const weights = own.map((token) => {
      const sharing = tokenLists.filter((list) => list.some((other) => tokenSimilarity(other, token) >= 0.85)).length;
      // "Plan" or "Kit" alone says little ("mudou o plano"): a generic word counts half.
      return (GENERIC_STEMS.has(token) && own.length > 1 ? 0.5 : 1) / Math.max(1, sharing);
    });
    const taught = (synonyms[name] ?? []).map((word) => stem(fold(word)));
    return { name, tokens: own, weights, synonyms: taught, segment: segmentOf(name) };
  });
  if (compiled.size >= COMPILED_CATALOGS) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, catalog);
  return catalog;
}

/** The forms of what a prospect wrote that catalog tokens are compared with; a broken thing adds "repair". */
export function writtenForms(text: string): string[] {
  const forms = tokens(text).flatMap((word) => [stem(word), ...canonical(stem(word))]);
  if (BROKEN.test(fold(text).replace(/['’]/g, " "))) forms.push("repair");
  return forms;
}

export interface Mention {
  /** Distinctive weight found. */
  strength: number;
  /** Share of the product's words found. */
  coverage: number;
  /** A service word matched ("maintenance", "repair"). */
  service: boolean;
}

const NONE: Mention = { strength: 0, coverage: 0, service: false };

/**
 * How strongly the written forms mention the product: the sum of the distinctive
 * weights of the product's words found in them (fuzzy), or a word a reviewer taught.
 * Numbers only count beside a word. A product whose service ("renovation") is absent
 * while the prospect names another service ("repair") is not mentioned.
 */
export function mention(product: CatalogProduct, written: string[]): Mention {
  if (written.length === 0) return NONE;
  const taught = product.synonyms.some((synonym) => written.includes(synonym));
  let service = false;
  let missingService = false;
  let words = 0;
  let numbers = 0;
  let found = 0;
  product.tokens.forEach((token, index) => {
    const numeric = /^\d+$/.test(token);
    let best = 0;
    if (numeric) best = written.includes(token) ? 1 : 0;
    else for (const word of written) if ((best = Math.max(best, tokenSimilarity(word, token))) === 1) break;
    if (numeric) numbers += best * product.weights[index]!;
    else words += best * product.weights[index]!;
    if (best > 0) found++;
    if (best > 0 && SERVICE_STEMS.has(token)) service = true;
    if (best === 0 && SERVICE_STEMS.has(token) && token !== "service") missingService = true;
  });
  if (missingService && !service && written.some((word) => SERVICE_STEMS.has(word) && word !== "service" && !product.tokens.includes(word))) return NONE;
  if (taught) return { strength: Math.max(1, words + numbers), coverage: 1, service };
  return words > 0 ? { strength: words + numbers, coverage: found / Math.max(1, product.tokens.length), service } : NONE;
}

/** The product named only by a number the catalog gives it alone ("o de 600" for "Plano 600 Mega"), among `among`. */
export function numberedIn(written: string[], among: CatalogProduct[], catalog: CatalogProduct[]): CatalogProduct | null {
  const numbers = written.filter((word) => /^\d+$/.test(word));
  const named = among.filter((product) => product.tokens.some((token) => numbers.includes(token) && catalog.filter((other) => other.tokens.includes(token)).length === 1));
  return named.length === 1 ? named[0]! : null;
}

/** Position of the first word of `text` that names the product (Infinity when none): "panels plus battery" names panels first. */
export function firstMentionAt(product: CatalogProduct, text: string): number {
  const words = tokens(text);
  const index = words.findIndex((word) => {
    const forms = [stem(word), ...canonical(stem(word))];
    return product.tokens.some((token) => !/^\d+$/.test(token) && forms.some((form) => tokenSimilarity(form, token) > 0)) || product.synonyms.includes(stem(word));
  });
  return index < 0 ? Infinity : index;
}

/** The segment most words of a text point to ("2-Zimmer-Wohnung" private; "Architekturbüro" business), or null. */
export function segmentOfText(text: string): Segment {
  const words = tokens(text);
  const count = (cues: string[]) => words.filter((word) => cues.some((cue) => word === cue || (cue.length >= 4 && word.length > cue.length + 2 && word.includes(cue)))).length;
  const business = count(BUSINESS_CUES);
  const personal = count(PRIVATE_CUES);
  if (business === personal) return null;
  return business > personal ? "business" : "private";
}
