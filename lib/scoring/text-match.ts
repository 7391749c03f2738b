// Multilingual cue matching: folds case and accents ("Llámame" ~ "llamame",
// "CARO" ~ "caro") while remembering where each folded character came from, so
// evidence quotes the prospect's own words, untouched.

export type FoldedText = { original: string; folded: string; origin: number[] };

export function foldText(original: string): FoldedText {
  let folded = "";
  const origin: number[] = [];
  let index = 0;
  for (const char of original) {
    const piece = char.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    for (let i = 0; i < piece.length; i++) origin.push(index);
    folded += piece;
    index += char.length;
  }
  origin.push(original.length);
  return { original, folded, origin };
}

export type CueMatch = { start: number; end: number; matched: string };

/** First match of a cue (written folded: lowercase, no accents) in the text, in original offsets. */
export function findCue(text: FoldedText, cue: RegExp): CueMatch | null {
  const flags = cue.flags.replace("g", "");
  const match = new RegExp(cue.source, flags).exec(text.folded);
  if (!match) return null;
  const start = text.origin[match.index] ?? 0;
  const end = text.origin[match.index + match[0].length] ?? text.original.length;
  return { start, end, matched: text.original.slice(start, end) };
}

const SENTENCE_BREAK = /[.!?\n]/;

/** The sentence around a match, at most `limit` characters: what a reviewer reads as evidence. */
export function quoteAround(text: string, start: number, end: number, limit = 160): string {
  let from = start;
  while (from > 0 && start - from < limit && !SENTENCE_BREAK.test(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - from < limit && !SENTENCE_BREAK.test(text.charAt(to))) to++;
  if (to < text.length && SENTENCE_BREAK.test(text.charAt(to)) && text.charAt(to) !== "\n") to++;
  return text.slice(from, to).trim();
}

/** Every match of a cue, in original offsets (the cue needs no "g" flag). */
export function findAllCues(text: FoldedText, cue: RegExp): (CueMatch & { groups: (string | undefined)[] })[] {
  const flags = cue.flags.includes("g") ? cue.flags : `${cue.flags}g`;
  const matches: (CueMatch & { groups: (string | undefined)[] })[] = [];
  for (const match of text.folded.matchAll(new RegExp(cue.source, flags))) {
    const start = text.origin[match.index] ?? 0;
    const end = text.origin[match.index + match[0].length] ?? text.original.length;
    matches.push({ start, end, matched: text.original.slice(start, end), groups: match.slice(1) });
  }
  return matches;
}
