// Text helpers shared by the extraction rules: folding case and accents,
// splitting into tokens and clauses, fuzzy token comparison.

/** Lowercase, strip accents, collapse whitespace. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Folded word tokens (letters and digits). */
export function tokens(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Splits a message into clauses at sentence punctuation and contrastive conjunctions. */
export function clauses(text: string): string[] {
  return text
    .split(/(?<=[.!?;…])\s+|[,;\n]\s*|\s+(?=(?:but|then|pero|mas|mais|aber|lekin|par)\s)/iu)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Damerau-Levenshtein (optimal string alignment) distance. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/** Strips a plural ending so "inspections" and "inspection" compare equal. */
export function stem(token: string): string {
  if (token.length > 4 && /(?:es)$/.test(token) && !/(?:ies)$/.test(token)) return token.slice(0, -1).replace(/e$/, "");
  if (token.length > 3 && token.endsWith("s") && !token.endsWith("ss")) return token.slice(0, -1);
  return token;
}

/** How well a written token matches a catalog token: 1 exact, <1 fuzzy, 0 none. */
export function tokenSimilarity(written: string, catalog: string): number {
  const a = stem(written);
  const b = stem(catalog);
  if (a === b) return 1;
  if (a.length < 4 || b.length < 4) return 0;
  const distance = editDistance(a, b);
  const allowed = b.length >= 8 ? 2 : 1;
  if (distance <= allowed) return 0.85;
  // German compounds: "umzug" inside "firmenumzug".
  if (a.length >= 5 && b.length > a.length && (b.endsWith(a) || b.startsWith(a))) return 0.6;
  return 0;
}
