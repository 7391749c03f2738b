// How catalog product names are compared with what people write: distinctive
// tokens (a word shared by several products counts less), fuzzy matching for
// misspellings ("rome ofice" ~ "Home Office"), and the customer segment a
// product is for (business vs private), read from words in its name.
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

/** Everyday words for "repair" in the supported languages, so "fix my roof" finds "Roof Repair". */
const REPAIR_WORDS = new Set([
  "fix", "fixed", "fixing", "mend", "mended", "conserto", "consertar", "arreglo", "arreglar", "reparar", "reparo", "reparacao", "reparacion", "reparieren", "reparatur", "reparer", "reparation", "theek",
]);

export type Segment = "business" | "private" | null;

export interface CatalogProduct {
  name: string;
  tokens: string[];
  /** Distinctiveness of each token: 1 when only this product has it. */
  weights: number[];
  segment: Segment;
}

function segmentOf(name: string): Segment {
  const folded = fold(name);
  const business = BUSINESS_WORDS.some((word) => folded.includes(word));
  const personal = PRIVATE_WORDS.some((word) => folded.includes(word));
  if (business === personal) return null;
  return business ? "business" : "private";
}

export function buildCatalog(names: string[]): CatalogProduct[] {
  const tokenLists = names.map((name) => tokens(name).filter((token) => !FILLER.has(token)).flatMap((token) => canonical(stem(token))));
  return names.map((name, index) => {
    const own = tokenLists[index]!;
    const weights = own.map((token) => {
      const sharing = tokenLists.filter((list) => list.some((other) => tokenSimilarity(other, token) >= 0.85)).length;
      // "Plan" or "Kit" alone says little ("mudou o plano"): a generic word counts half.
      return (GENERIC_STEMS.has(token) && own.length > 1 ? 0.5 : 1) / Math.max(1, sharing);
    });
    return { name, tokens: own, weights, segment: segmentOf(name) };
  });
}

/**
 * How strongly `text` mentions the product: the sum of the distinctive weights
 * of the product's words found in it (fuzzy). Numbers only count beside a word.
 */
export function mentionStrength(product: CatalogProduct, text: string): number {
  return mention(product, text).strength;
}

/**
 * Strength (distinctive weight found), coverage (share of the product's words
 * found) and whether a service word matched ("maintenance", "repair").
 */
export function mention(product: CatalogProduct, text: string): { strength: number; coverage: number; service: boolean } {
  const written = tokens(text).flatMap((word) => (REPAIR_WORDS.has(word) ? ["repair"] : [stem(word), ...canonical(stem(word))]));
  if (written.length === 0) return { strength: 0, coverage: 0, service: false };
  let service = false;
  let words = 0;
  let numbers = 0;
  let found = 0;
  product.tokens.forEach((token, index) => {
    const numeric = /^\d+$/.test(token);
    const best = numeric ? (written.includes(token) ? 1 : 0) : Math.max(0, ...written.map((word) => tokenSimilarity(word, token)));
    if (numeric) numbers += best * product.weights[index]!;
    else words += best * product.weights[index]!;
    if (best > 0) found++;
    if (best > 0 && SERVICE_STEMS.has(token)) service = true;
  });
  return words > 0 ? { strength: words + numbers, coverage: found / Math.max(1, product.tokens.length), service } : { strength: 0, coverage: 0, service: false };
}

/** Position of the first word of `text` that names the product (Infinity when none): "panels plus battery" names panels first. */
export function firstMentionAt(product: CatalogProduct, text: string): number {
  const words = tokens(text);
  const index = words.findIndex((word) => {
    const forms = REPAIR_WORDS.has(word) ? ["repair"] : [stem(word), ...canonical(stem(word))];
    return product.tokens.some((token) => !/^\d+$/.test(token) && forms.some((form) => tokenSimilarity(form, token) > 0));
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
