// The phrase search finds exactly what the case-insensitive pattern it replaces
// finds: compared with /word1\s+word2|.../iu on names and messages drawn from
// letters whose case folding is tricky (ß and ẞ, ſ, K, İ and ı, µ, Greek sigmas,
// accents composed and not), whitespace of several kinds and pattern syntax.
import { describe, expect, it } from "vitest";
import { blankPhrases, findPhrase, phraseWords } from "./phrase-search";

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const source = (phrases: string[]) => phraseWords(phrases).map((words) => words.map(escape).join("\\s+")).join("|");

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = ["a", "A", "n", "N", "s", "S", "k", "K", "i", "I", "o", "é", "É", "ã", "Ã", "ß", "ẞ", "ſ", "\u212a", "İ", "ı", "µ", "μ", "σ", "ς", "Σ", "e\u0301", "ñ", "Ñ", ".", "&", "(", "+", "-"];
const SPACES = [" ", "  ", "\t", "\u00a0", "\n", " \u2003"];

function word(next: () => number): string {
  return Array.from({ length: 1 + Math.floor(next() * 3) }, () => LETTERS[Math.floor(next() * LETTERS.length)]).join("");
}

describe("phrase search", () => {
  it("finds a name across case and whitespace, the earlier phrase winning at one place", () => {
    expect(findPhrase("Oi, meu nome é ANA   souza.", phraseWords(["Ana Souza"]))).toEqual({ index: 15, length: 11 });
    expect(findPhrase("Oi, meu nome é Ana.", phraseWords(["Ana Souza"]))).toBeNull();
    expect(findPhrase("Ana Souza Lima", phraseWords(["Ana Souza", "Ana Souza Lima"]))).toEqual({ index: 0, length: 9 });
    expect(blankPhrases("Sou a Ana Souza da Empresa Souza 1.", phraseWords(["Ana Souza", "Empresa Souza 1"]))).toBe("Sou a   da  .");
  });

  it("matches exactly what the case-insensitive pattern matches, on tricky letters", () => {
    const next = random(15);
    for (let round = 0; round < 3_000; round++) {
      const phrases = Array.from({ length: 1 + Math.floor(next() * 2) }, () => Array.from({ length: 1 + Math.floor(next() * 2) }, () => word(next)).join(" "));
      const parts: string[] = [];
      for (let piece = 0; piece < 6; piece++) {
        // Plant a phrase (in another case, with other spaces) often enough that matches are common.
        if (next() < 0.3) {
          const planted = phrases[Math.floor(next() * phrases.length)]!.split(" ");
          const cased = planted.map((part) => (next() < 0.5 ? part.toUpperCase() : part.toLowerCase()));
          parts.push(cased.join(SPACES[Math.floor(next() * SPACES.length)]!));
        } else parts.push(word(next));
      }
      const text = parts.join(SPACES[Math.floor(next() * SPACES.length)]!);
      const expected = new RegExp(source(phrases), "iu").exec(text);
      expect({ text, phrases, found: findPhrase(text, phraseWords(phrases)) }).toEqual({
        text,
        phrases,
        found: expected ? { index: expected.index, length: expected[0].length } : null,
      });
      expect({ text, phrases, blanked: blankPhrases(text, phraseWords(phrases)) }).toEqual({ text, phrases, blanked: text.replace(new RegExp(source(phrases), "giu"), " ") });
    }
  });
});
