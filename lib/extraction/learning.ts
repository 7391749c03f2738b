// Learning from a workspace's reviewers, pure: product synonyms from the
// corrections that set a catalog product (words the prospects wrote in two or
// more conversations a reviewer labelled with that product, that no approved
// conversation with another product contains, and that the catalog does not
// already understand), and the corrections most relevant to a conversation,
// as examples for the LLM's prompt. The database edge (lib/leads/learning.ts)
// loads the inputs once per extraction.
import { isCommonWord } from "./embedded/name-words";
import { buildCatalog, mention, writtenForms } from "./embedded/product-catalog";
import { fold, stem, tokens } from "./text";
import type { CorrectionExample } from "./types";

/** A conversation a reviewer approved: the product they settled on and what the prospect wrote. */
export interface ReviewedConversation {
  conversationId: string;
  /** The approved product (null: none). */
  product: string | null;
  /** True when the reviewer changed the product extraction proposed. */
  productCorrected: boolean;
  /** The prospect's words about the product: extraction's evidence quote when it had one, else their messages. */
  prospectText: string;
}

/** A synonym needs this many corrected conversations behind it. */
export const MIN_SYNONYM_SUPPORT = 2;
/** At most this many synonyms per product (the best supported). */
const MAX_SYNONYMS = 12;

function contentWords(text: string): Set<string> {
  return new Set(
    tokens(text)
      .filter((word) => word.length >= 4 && !/\d/.test(word) && !isCommonWord(word))
      .map((word) => stem(word)),
  );
}

/**
 * Words reviewers taught for each catalog product. `exclude` leaves one conversation
 * out (replaying a lead must not learn from its own correction).
 */
export function learnProductSynonyms(catalog: string[], reviewed: ReviewedConversation[], exclude?: string): Record<string, string[]> {
  const compiled = buildCatalog(catalog);
  const support = new Map<string, Map<string, number>>();
  const elsewhere = new Map<string, Set<string>>();
  for (const conversation of reviewed) {
    if (conversation.conversationId === exclude) continue;
    const words = contentWords(conversation.prospectText);
    if (conversation.product && catalog.includes(conversation.product) && conversation.productCorrected) {
      const counts = support.get(conversation.product) ?? new Map<string, number>();
      for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
      support.set(conversation.product, counts);
    }
    if (conversation.product) {
      for (const word of words) {
        const products = elsewhere.get(word) ?? new Set<string>();
        products.add(conversation.product);
        elsewhere.set(word, products);
      }
    }
  }
  const learned: Record<string, string[]> = {};
  for (const [product, counts] of support) {
    const words = [...counts.entries()]
      .filter(([word, count]) => count >= MIN_SYNONYM_SUPPORT && [...(elsewhere.get(word) ?? [])].every((other) => other === product))
      // A word the catalog already reads as some product is not a new synonym.
      .filter(([word]) => compiled.every((item) => mention(item, writtenForms(word)).strength === 0))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_SYNONYMS)
      .map(([word]) => word);
    if (words.length > 0) learned[product] = words;
  }
  return learned;
}

/** A correction as stored, with when it was made. */
export interface StoredCorrection extends CorrectionExample {
  createdAt: Date;
}

/** How many corrections the LLM sees as examples. */
export const CORRECTION_EXAMPLES = 5;

/**
 * The corrections most relevant to a conversation: those sharing the most words with
 * what the prospect wrote (quote, extracted and approved values), the most recent first among equals.
 */
export function relevantCorrections(corrections: StoredCorrection[], prospectText: string, limit = CORRECTION_EXAMPLES): CorrectionExample[] {
  const words = contentWords(prospectText);
  const scored = corrections.map((correction) => {
    const own = contentWords([correction.quote, correction.extracted, correction.approved].filter(Boolean).join(" "));
    let overlap = 0;
    for (const word of own) if (words.has(word)) overlap++;
    return { correction, overlap };
  });
  return scored
    .sort((a, b) => b.overlap - a.overlap || b.correction.createdAt.getTime() - a.correction.createdAt.getTime())
    .slice(0, limit)
    .map(({ correction: { field, extracted, approved, quote } }) => ({ field, extracted, approved, quote }));
}

/** Folded text of the prospect's messages, for relevance. */
export function prospectWords(messages: Array<{ role: string; content: string }>): string {
  return fold(messages.filter((message) => message.role === "user").map((message) => message.content).join(" "));
}
