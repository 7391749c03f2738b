// Finds names the conversation itself supplies (the person's, the company's) in
// a message, ignoring case, with any whitespace between their words: what a
// /word1\s+word2/iu pattern finds. Compiling such a pattern for every
// conversation cost tens of microseconds per name, more than the search, so
// text in Latin script is searched by lowercasing instead: over U+0000-U+024F
// (without "İ", "ſ" and "µ") lowercasing is exactly the pattern's case folding,
// character for character and length for length (checked over the whole
// range). Any other text, or a phrase with an empty word, still goes through
// the pattern. Linear per phrase word occurrence; no backtracking.

/** A match: where it starts and how long it is. */
export interface PhraseMatch {
  index: number;
  length: number;
}

/** Text whose case folding is its lowercase, one character for one. */
const FOLDS_AS_LOWERCASE = /^[\u0000-\u00b4\u00b6-\u012f\u0132-\u017e\u0180-\u024f]*$/;
const WHITESPACE = /\s/;

/** The words of each phrase (a name split at whitespace). */
export function phraseWords(phrases: string[]): string[][] {
  return phrases.map((phrase) => phrase.split(/\s+/));
}

function patternSource(phrases: string[][]): string {
  return phrases.map((words) => words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+")).join("|");
}

function searchable(text: string, phrases: string[][]): boolean {
  return FOLDS_AS_LOWERCASE.test(text) && phrases.every((words) => words.every((word) => word.length > 0 && FOLDS_AS_LOWERCASE.test(word)));
}

/** Where `words` (lowercase) end when they start at `at` in `lower`, whitespace between them; -1 when they do not. */
function phraseEnd(lower: string, words: string[], at: number): number {
  let position = at;
  for (let index = 0; index < words.length; index++) {
    if (index > 0) {
      const start = position;
      while (position < lower.length && WHITESPACE.test(lower[position]!)) position++;
      if (position === start) return -1;
    }
    if (!lower.startsWith(words[index]!, position)) return -1;
    position += words[index]!.length;
  }
  return position;
}

/** The leftmost match at or after `from` in `lower`; at one place, the earlier phrase wins (as in an alternation). */
function firstMatch(lower: string, lowered: string[][], from: number): PhraseMatch | null {
  let best: PhraseMatch | null = null;
  for (const words of lowered) {
    for (let at = lower.indexOf(words[0]!, from); at >= 0 && (best === null || at < best.index); at = lower.indexOf(words[0]!, at + 1)) {
      const end = phraseEnd(lower, words, at);
      if (end >= 0) {
        best = { index: at, length: end - at };
        break;
      }
    }
  }
  return best;
}

/** The first occurrence of any of `phrases` in `text`, ignoring case (an earlier phrase wins at one place), or null. */
export function findPhrase(text: string, phrases: string[][]): PhraseMatch | null {
  if (phrases.length === 0) return null;
  if (!searchable(text, phrases)) {
    const match = new RegExp(patternSource(phrases), "iu").exec(text);
    return match ? { index: match.index, length: match[0].length } : null;
  }
  return firstMatch(text.toLowerCase(), phrases.map((words) => words.map((word) => word.toLowerCase())), 0);
}

/** `text` with every occurrence of `phrases` (ignoring case) replaced by a space. */
export function blankPhrases(text: string, phrases: string[][]): string {
  if (phrases.length === 0) return text;
  if (!searchable(text, phrases)) return text.replace(new RegExp(patternSource(phrases), "giu"), " ");
  const lower = text.toLowerCase();
  const lowered = phrases.map((words) => words.map((word) => word.toLowerCase()));
  let blanked = "";
  let from = 0;
  for (let match = firstMatch(lower, lowered, 0); match; match = firstMatch(lower, lowered, from)) {
    blanked += `${text.slice(from, match.index)} `;
    from = match.index + match.length;
  }
  return from === 0 ? text : blanked + text.slice(from);
}
