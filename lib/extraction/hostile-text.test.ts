// Hostile text: every rule that reads the prospect's words runs in linear time,
// and extraction reads a bounded amount of text. Each 64 KB message below
// attacks one pattern; most of them used to re-scan their input from every
// position (5 to 90 seconds per message), the others guard patterns that are
// linear and must stay so. The rule reading it must finish inside a ceiling
// kept generous (a loaded 2-core machine must not make this flaky) yet far
// below what a quadratic pattern takes on 64 KB.
import { describe, expect, it } from "vitest";
import { boundConversation, EXTRACTION_BOUNDS } from "./bounds";
import { findCompany, readCompanyAt } from "./embedded/company";
import { readConversation, type ReadConversation } from "./embedded/context";
import { emailCandidatesIn, findEmail } from "./embedded/emails";
import { findName, readNameAt } from "./embedded/names";
import { findPhone } from "./embedded/phones";
import { findProduct } from "./embedded/product";
import { findUrgency } from "./embedded/urgency";
import { extractWithRules } from "./embedded-provider";
import { clauses } from "./text";
import type { ConversationInput } from "./types";
import { isValidEmail, normalizeEmail } from "./validation";

const SIZE = 64 * 1024;
const CEILING_MS = 3_000;

/** `unit` repeated to 64 KB, then `tail` (the character that makes the pattern fail at the very end). */
function hostile(unit: string, tail = "", head = ""): string {
  const body = SIZE - head.length - tail.length;
  return head + unit.repeat(Math.ceil(body / unit.length)).slice(0, body) + tail;
}

/** The business asks for everything first, so every answer-reading rule runs on the prospect's reply. */
function chat(...prospect: string[]): ConversationInput {
  return {
    id: "hostile",
    defaultCountry: "BR",
    products: ["Kit Solar Comercial", "Plano Mensal", "Home Battery"],
    contact: { waId: "5511987654321", profileName: "Ana" },
    messages: [
      { id: "b1", role: "assistant", content: "Qual o seu nome completo, email, telefone e o nome da empresa?", at: "2026-03-10T10:00:00-03:00" },
      ...prospect.map((content, index) => ({ id: `u${index}`, role: "user" as const, content, at: `2026-03-10T10:0${1 + (index % 8)}:00-03:00` })),
    ],
  };
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const readAll = (read: ReadConversation) => {
  findName(read);
  findEmail(read);
  findPhone(read);
  findCompany(read, "Ana Silva");
  findProduct(read, ["Ana Silva"]);
  findUrgency(read);
};

// Each case: the pattern it attacks, the 64 KB message, and the rule that reads it (on the
// whole, unbounded message: linearity must not depend on the bound).
const CASES: Array<{ pattern: string; text: string; run: (text: string) => unknown }> = [
  { pattern: "written email: a token with no @ read from every position", text: hostile("a", "!"), run: (text) => emailCandidatesIn(text) },
  { pattern: "written email: a run of @ signs", text: hostile("@", "", "a"), run: (text) => emailCandidatesIn(text) },
  { pattern: "spoken email: a dotted chain with no 'at'", text: hostile("a.", "!"), run: (text) => emailCandidatesIn(text) },
  { pattern: "spoken email: 'x dot x dot ...' with no 'at'", text: hostile("ana dot ", "!"), run: (text) => emailCandidatesIn(text) },
  { pattern: "spoken email: spaces before a word", text: hostile(" ", "x"), run: (text) => emailCandidatesIn(text) },
  { pattern: "spoken email: 'x at x at ...' with no domain", text: hostile("a at ", "!"), run: (text) => emailCandidatesIn(text) },
  { pattern: "email trimming: a run of trailing punctuation not at the end", text: hostile(".", "a", "a@b"), run: (text) => normalizeEmail(text) },
  { pattern: "email validation: a long hyphenated domain that fails at the end", text: hostile("a-", "!", "ana@"), run: (text) => isValidEmail(text) },
  { pattern: "clause split: spaces not followed by 'but'", text: hostile(" ", "x"), run: (text) => clauses(text) },
  { pattern: "trailing name cue: spaces not followed by a cue", text: hostile(" ", "x", "Ana"), run: (text) => findName(readConversation(chat(text))) },
  { pattern: "trailing name cue: 'here here here ...'", text: hostile("here "), run: (text) => findName(readConversation(chat(text))) },
  { pattern: "introductions: 'I'm I'm I'm ...' each read to the end", text: hostile("I'm "), run: (text) => findName(readConversation(chat(text))) },
  { pattern: "name words: a run of trailing dots not at the end", text: hostile(".", "a", "Ana"), run: (text) => readNameAt(text, false) },
  { pattern: "company legal form: capitalized words with no legal form", text: hostile("Aa ", "!"), run: (text) => findCompany(readConversation(chat(text)), null) },
  { pattern: "company legal form: one capitalized run with no space", text: hostile("A", "!"), run: (text) => findCompany(readConversation(chat(text)), null) },
  { pattern: "company legal form: 'I'm I'm ...' as company words", text: hostile("I'm "), run: (text) => findCompany(readConversation(chat(text)), "Ana Silva") },
  { pattern: "company cues: 'from from from ...' each read to the end", text: hostile("from "), run: (text) => findCompany(readConversation(chat(text)), null) },
  { pattern: "company words: a run of trailing punctuation not at the end", text: hostile(",", "a", "Acme"), run: (text) => readCompanyAt(text) },
  { pattern: "after the name: spaces between the name and a missing company", text: hostile(" ", "x", "Ana Silva"), run: (text) => findCompany(readConversation(chat(text)), "Ana Silva") },
  { pattern: "phone run: digits and separators that never end in a digit", text: hostile("1-", "x"), run: (text) => findPhone(readConversation(chat(text))) },
  { pattern: "phone run: brackets", text: hostile("(", "1"), run: (text) => findPhone(readConversation(chat(text))) },
  { pattern: "product words: one 64 KB word against the catalog", text: hostile("b", ""), run: (text) => findProduct(readConversation(chat(text))) },
];

describe("hostile text", () => {
  it.each(CASES)("$pattern: linear on 64 KB", ({ text, run }) => {
    expect(text.length).toBeGreaterThanOrEqual(SIZE);
    expect(timed(() => run(text))).toBeLessThan(CEILING_MS);
  });

  it("extraction of a conversation of adversarial 64 KB messages reads a bounded amount and finishes", () => {
    const input = chat(...CASES.slice(0, 12).map(({ text }) => text));
    let result: ReturnType<typeof extractWithRules> | null = null;
    expect(timed(() => (result = extractWithRules(input)))).toBeLessThan(CEILING_MS);
    expect(result!.conversationId).toBe("hostile");
  });

  it("a number 'split' into a 64 KB run of digits and spaces is checked in bounded time", () => {
    const input = chat("meu telefone é 11 9", hostile("1 ", ""));
    expect(timed(() => findPhone(readConversation(input)))).toBeLessThan(CEILING_MS);
    expect(timed(() => extractWithRules(input))).toBeLessThan(CEILING_MS);
  });

  it("every rule on a whole 64 KB message of mixed hostile text stays linear", () => {
    const text = hostile("Aa I'm here a.b from a at  (1- ");
    expect(timed(() => readAll(readConversation(chat(text))))).toBeLessThan(CEILING_MS);
  });
});

describe("extraction bounds", () => {
  const message = (id: string, content: string) => ({ id, role: "user" as const, content, at: "2026-03-10T10:00:00-03:00" });
  const base: ConversationInput = { id: "c", defaultCountry: "BR", products: [], contact: { waId: "5511987654321", profileName: "x".repeat(500) }, messages: [] };

  it("reads the first 4,096 characters of a message and 128 of the profile name", () => {
    const bounded = boundConversation({ ...base, messages: [message("m1", "a".repeat(10_000))] });
    expect(bounded.messages[0]!.content).toHaveLength(EXTRACTION_BOUNDS.messageChars);
    expect(bounded.contact.profileName).toHaveLength(EXTRACTION_BOUNDS.profileNameChars);
  });

  it("keeps a long conversation's opening and end within the budget, in order", () => {
    const messages = Array.from({ length: 1_000 }, (_, index) => message(`m${index}`, `${index} `.padEnd(200, "x")));
    const bounded = boundConversation({ ...base, messages });
    const ids = bounded.messages.map(({ id }) => id);
    const chars = bounded.messages.reduce((sum, { content }) => sum + content.length, 0);
    expect(chars).toBeLessThanOrEqual(EXTRACTION_BOUNDS.conversationChars);
    expect(ids.length).toBeLessThanOrEqual(EXTRACTION_BOUNDS.conversationMessages);
    expect(ids.slice(0, 2)).toEqual(["m0", "m1"]);
    expect(ids.slice(-2)).toEqual(["m998", "m999"]);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it("leaves an ordinary conversation as it is", () => {
    const messages = [message("m1", "oi, sou a Ana Silva"), message("m2", "meu email é ana@example.com")];
    expect(boundConversation({ ...base, contact: { waId: "5511987654321", profileName: "Ana" }, messages }).messages).toEqual(messages);
  });

  it("a name given early and an email corrected at the end of a very long chat are both read", () => {
    const filler = Array.from({ length: 600 }, (_, index) => message(`f${index}`, "ok, e sobre o preço do plano? ".repeat(10)));
    const input = chat("Oi, sou a Ana Silva", ...filler.map(({ content }) => content), "corrigindo: meu email é ana.silva@example.com");
    const result = extractWithRules(input);
    expect(result.lead.name).toBe("Ana Silva");
    expect(result.lead.email).toBe("ana.silva@example.com");
  });
});
