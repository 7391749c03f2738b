import { describe, expect, it } from "vitest";
import { clauses, editDistance, fold, matchesOf, tokenSimilarity } from "./text";

describe("text helpers", () => {
  it("folds case, accents and spacing", () => {
    expect(fold("  Mudança   PÓS-Obra ")).toBe("mudanca pos-obra");
  });

  it("counts a transposition as one edit", () => {
    expect(editDistance("gmial", "gmail")).toBe(1);
    expect(editDistance("hotmail", "hotmial")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    // Bounded: the exact distance up to the bound, and more than the bound beyond it.
    expect(editDistance("gmial", "gmail", 1)).toBe(1);
    expect(editDistance("kitten", "sitting", 1)).toBeGreaterThan(1);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("abcdef", "badcfe", 3)).toBe(3);
  });

  it("matches misspelled, plural and compound words, not unrelated ones", () => {
    expect(tokenSimilarity("inspections", "inspection")).toBe(1);
    expect(tokenSimilarity("ofice", "office")).toBeGreaterThan(0.8);
    expect(tokenSimilarity("umzug", "firmenumzug")).toBeGreaterThan(0);
    expect(tokenSimilarity("roof", "road")).toBe(0);
    expect(tokenSimilarity("car", "cat")).toBe(0);
  });

  it("splits clauses at punctuation and contrastive words", () => {
    expect(clauses("Sunset cruise sounds nice but we need catering. Ok")).toEqual(["Sunset cruise sounds nice", "but we need catering.", "Ok"]);
  });
});

describe("matchesOf", () => {
  it("gives what matchAll gives, empty matches and surrogate pairs included", () => {
    const patterns = [/\S+/g, /a*/g, /a*/gu, /(?:x|)/gu, /\b(?:de|da)\s+(\p{Lu}\p{L}*)/giu, /(?<=[.!?])\s+/g];
    const texts = ["", "Maria da Silva e Ana", "aaa bab", "😀a😀", "x😀x", "Hi. You! There? ok", "  de  Souza de Lima"];
    for (const pattern of patterns) {
      for (const text of texts) {
        const expected = [...text.matchAll(pattern)].map((match) => [match.index, ...match]);
        expect({ pattern: pattern.source, text, found: matchesOf(pattern, text).map((match) => [match.index, ...match]) }).toEqual({ pattern: pattern.source, text, found: expected });
        expect(pattern.lastIndex).toBe(0);
      }
    }
  });

  it("refuses a pattern that is not global, as matchAll does", () => {
    expect(() => matchesOf(/a/, "a")).toThrow(TypeError);
  });
});
