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

/**
 * Whether the character at `index` ends a sentence: a line break, or . ! ?
 * followed by a space, a closing mark or the end. The dots inside an email
 * ("luc@martin-immo.fr"), a domain or a number ("3.5", "06.98.76") end nothing.
 */
export function endsSentence(text: string, index: number): boolean {
  const char = text.charAt(index);
  if (char === "\n") return true;
  if (!/[.!?…]/.test(char)) return false;
  const next = text.charAt(index + 1);
  return next === "" || /[\s"'”’)»\]]/.test(next) || /[.!?…]/.test(next);
}

/** The sentences of a message, trimmed, split where endsSentence says. */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let from = 0;
  for (let index = 0; index < text.length; index++) {
    if (endsSentence(text, index) && !endsSentence(text, index + 1)) {
      sentences.push(text.slice(from, index + 1).trim());
      from = index + 1;
    }
  }
  sentences.push(text.slice(from).trim());
  return sentences.filter(Boolean);
}

/**
 * The sentence around a match, at most about `limit` characters: what a
 * reviewer reads as evidence. A sentence longer than that is cut at a space
 * (marked "…"), never inside a word, an email or a number.
 */
export function quoteAround(text: string, start: number, end: number, limit = 160): string {
  let from = start;
  while (from > 0 && start - from < limit && !endsSentence(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to - from < limit && !endsSentence(text, to)) to++;
  const cutBefore = from > 0 && !endsSentence(text, from - 1);
  const cutAfter = to < text.length && !endsSentence(text, to);
  if (cutBefore) {
    const space = text.slice(from, start).search(/\s/);
    from = space >= 0 ? from + space + 1 : start;
  }
  if (cutAfter) {
    const space = text.slice(end, to).search(/\s\S*$/);
    to = space >= 0 ? end + space : end;
  } else if (to < text.length && text.charAt(to) !== "\n") {
    to++;
  }
  const quote = text.slice(from, to).trim();
  return `${cutBefore ? "…" : ""}${quote}${cutAfter ? "…" : ""}`;
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
