// Text helpers shared by the extraction rules: folding case and accents,
// splitting into tokens, words and clauses, trimming punctuation, fuzzy token
// comparison. Every pattern here runs in time linear in its input (a hostile
// message must not stall extraction): none can start a match inside a run it
// would re-scan from the next position.

/** Lowercase, strip accents (and write German "ß" as "ss"), collapse whitespace. */
export function fold(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  // ASCII has no accents to strip and no "ß": only its case and spaces change.
  const lower = ASCII.test(text) ? text.toLowerCase() : text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/ß/g, "ss");
  const result = lower.replace(/\s+/g, " ").trim();
  // The rules fold the same messages and lexicon words many times over: remember recent ones (bounded).
  if (folded.size >= FOLD_CACHE_SIZE) folded.clear();
  folded.set(text, result);
  return result;
}
const FOLD_CACHE_SIZE = 20_000;
const ASCII = /^[\x00-\x7f]*$/;
const folded = new Map<string, string>();

/**
 * Every match of a global pattern in `text`, what `[...text.matchAll(pattern)]` gives. matchAll
 * copies the pattern on every call and V8 runs each fresh copy in its regexp interpreter; exec on
 * the compiled pattern itself found the company cues' matches nine times faster.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: /${pattern.source}/${pattern.flags}`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    // An empty match moves on by one character (a whole surrogate pair under the u flag), as matchAll does.
    if (match[0] === "") pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode);
  }
  pattern.lastIndex = 0;
  return found;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

/** Folded word tokens (letters and digits). */
export function tokens(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

// A space run splits before "but" only from its first space: starting inside the run
// would re-read it from every position (quadratic on a message of spaces).
// "... our kitchen and maybe the bathroom later": a hedged second item is its own clause.
const CLAUSE_BREAK =
  /(?<=[.!?;…])\s+|[,;\n]\s*|(?<!\s)\s+(?=(?:but|then|pero|mas|mais|aber|lekin|par)\s)|(?<!\s)\s+(?=(?:and|y|e|et|und|aur|or|ou|o|oder)\s+(?:maybe|perhaps|possibly|quizás|quizas|quiza|talvez|peut-être|peut-etre|vielleicht|eventuell|shayad)\s)/iu;

/** Splits a message into clauses at sentence punctuation and contrastive conjunctions. */
export function clauses(text: string): string[] {
  return text
    .split(CLAUSE_BREAK)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** The first `count` whitespace-separated words of `text`, reading no further than they reach. */
export function firstWords(text: string, count: number): string[] {
  const words: string[] = [];
  const word = /\S+/g;
  for (let match = word.exec(text); match && words.length < count; match = word.exec(text)) words.push(match[0]);
  return words;
}

/** `text` without the run of `characters` at its end ("Ltda.," -> "Ltda"); a loop, so a long run costs its length once. */
export function trimEnd(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** `text` without the run of `characters` at its start. */
export function trimStart(text: string, characters: string): string {
  let start = 0;
  while (start < text.length && characters.includes(text[start]!)) start++;
  return text.slice(start);
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance, with three rolling rows.
 * Exact up to `atMost`; past it, some number above `atMost` (it stops once every
 * path is longer). The rows are reused between calls: the product matcher compares
 * thousands of word pairs per conversation.
 */
export function editDistance(a: string, b: string, atMost = Infinity): number {
  const cols = b.length + 1;
  if (rows.before.length < cols) rows = { before: new Int32Array(cols * 2), previous: new Int32Array(cols * 2), current: new Int32Array(cols * 2) };
  let { before, previous, current } = rows;
  for (let j = 0; j < cols; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = previous[j - 1]! + (ai === bj ? 0 : 1);
      if (previous[j]! + 1 < value) value = previous[j]! + 1;
      if (current[j - 1]! + 1 < value) value = current[j - 1]! + 1;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj && before[j - 2]! + 1 < value) value = before[j - 2]! + 1;
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    // Every path goes through this row: past `atMost` here, the distance is too.
    if (rowMinimum > atMost) return atMost + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}
let rows = { before: new Int32Array(64), previous: new Int32Array(64), current: new Int32Array(64) };

/** Strips a plural ending so "inspections" and "inspection" compare equal. */
export function stem(token: string): string {
  // "-es" loses both letters ("boxes" -> "box"), but not "-ies" ("batteries" -> "batterie").
  if (token.length > 4 && token.endsWith("es") && !token.endsWith("ies")) return token.slice(0, -2);
  if (token.length > 3 && token.endsWith("s") && !token.endsWith("ss")) return token.slice(0, -1);
  return token;
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** How well a written token matches a catalog token: 1 exact, <1 fuzzy, 0 none. */
export function tokenSimilarity(written: string, catalog: string): number {
  const a = stem(written);
  const b = stem(catalog);
  if (a === b) return 1;
  if (a.length < 4 || b.length < 4) return 0;
  const allowed = b.length >= 8 ? 2 : 1;
  // Lengths further apart than the allowed edits cannot match (and a huge word costs nothing).
  if (Math.abs(a.length - b.length) <= allowed && editDistance(a, b, allowed) <= allowed) return 0.85;
  // German compounds: "umzug" inside "firmenumzug".
  if (a.length >= 5 && b.length > a.length && (b.endsWith(a) || b.startsWith(a))) return 0.6;
  // One root, another ending: "deneiger" and "deneigement", "instalar" and "instalacion".
  if (commonPrefix(a, b) >= Math.max(6, Math.ceil(0.8 * Math.min(a.length, b.length)))) return 0.6;
  return 0;
}
