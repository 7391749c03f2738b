// A sentence the server writes for people (a duplicate's reason, why a bulk
// action skipped a lead, why extraction failed): a stable code and its
// parameters, which the dashboard words through its catalogs in the reader's
// language, plus the English sentence for API clients and for a code the
// dashboard does not know yet. Pure and browser-safe.

export type PhraseParams = Record<string, string | number>;

export type Phrase = {
  /** Stable, snake_case; the catalog key under the phrase's namespace. */
  code: string;
  params: PhraseParams;
  /** The English sentence (what the API has always answered). */
  message: string;
};

export function phrase(code: string, message: string, params: PhraseParams = {}): Phrase {
  return { code, params, message };
}

/** A translator at the catalog's root (next-intl's t), as much of it as wording a phrase needs. */
export type PhraseTranslator = {
  (key: string, values?: PhraseParams): string;
  has(key: string): boolean;
};

/**
 * A phrase in the reader's language: the catalog's message for its code under
 * `namespace` ("duplicateReason" -> "duplicateReason.same_email") with the
 * phrase's values; the English sentence for a code the catalog does not know.
 */
export function phraseWords(t: PhraseTranslator, namespace: string, phrase: Phrase): string {
  const key = `${namespace}.${phrase.code}`;
  return t.has(key) ? t(key, phrase.params) : phrase.message;
}
