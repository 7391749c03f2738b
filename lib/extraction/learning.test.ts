// Learning from reviewers, and the two providers together: synonyms learned
// from corrections feed the rules; the LLM sees the most relevant corrections in
// its prompt (checked on the local fake OpenAI server); the combined provider
// flags where the model and the rules disagree and falls back to the rules.
import { describe, expect, it } from "vitest";
import { fakeOpenAiServerForFile } from "@/tests/support/openai";
import { createCombinedExtractor } from "./combined-provider";
import { conversation } from "./conversation-builder.fixture";
import { extractWithRules } from "./embedded-provider";
import { learnProductSynonyms, relevantCorrections, type ReviewedConversation, type StoredCorrection } from "./learning";
import { createLlmDrafter, createLlmExtractor } from "./llm-provider";
import type { LlmLead } from "./llm-schema";
import type { ExtractionOutcome, ExtractionResult } from "./types";

const CATALOG = ["Banho e Tosa", "Consulta Veterinária", "Vacinação Anual", "Hotel para Cães"];
const reviewed = (id: string, product: string | null, prospectText: string, productCorrected = true): ReviewedConversation => ({ conversationId: id, product, productCorrected, prospectText });

describe("product synonyms learned from corrections", () => {
  const history = [
    reviewed("c1", "Hotel para Cães", "vou viajar e preciso de uma hospedagem pro meu cachorro"),
    reviewed("c2", "Hotel para Cães", "tem hospedagem pra cachorro no feriado?"),
    reviewed("c3", "Banho e Tosa", "quero dar um trato no pelo do meu cachorro", false),
    reviewed("c4", "Consulta Veterinária", "ele está mancando, preciso de uma consulta", false),
  ];

  it("learns a word prospects used in two conversations reviewers set to the same product", () => {
    expect(learnProductSynonyms(CATALOG, history)).toEqual({ "Hotel para Cães": ["hospedagem"] });
  });

  it("needs two conversations, and never learns a word another product's conversations use", () => {
    expect(learnProductSynonyms(CATALOG, history.slice(1))).toEqual({});
    const shared = [...history, reviewed("c5", "Consulta Veterinária", "a hospedagem dele foi ótima, agora preciso de consulta", false)];
    expect(learnProductSynonyms(CATALOG, shared)).toEqual({});
  });

  it("leaves a conversation out when asked (a replay never learns from the lead itself)", () => {
    expect(learnProductSynonyms(CATALOG, history, "c1")).toEqual({});
  });

  it("feeds the rules: the learned word finds the product, which the catalog alone does not", () => {
    const chat = conversation({ country: "BR", products: CATALOG, messages: [["u", "Oi, vocês fazem hospedagem? Sou a Marina Alves"]] });
    expect(extractWithRules(chat).lead.product_interest).toBeNull();
    const taught = { ...chat, learning: { productSynonyms: learnProductSynonyms(CATALOG, history), corrections: [] } };
    expect(extractWithRules(taught).lead.product_interest).toBe("Hotel para Cães");
  });
});

describe("the corrections shown to the LLM", () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 4, 4, 10, minutes));
  const corrections: StoredCorrection[] = [
    { field: "product_interest", extracted: "Banho e Tosa", approved: "Hotel para Cães", quote: "hospedagem pro cachorro", createdAt: at(1) },
    { field: "name", extracted: "Gerente", approved: "Paula Reis", quote: "sou a gerente", createdAt: at(2) },
    { field: "urgency_level", extracted: "low", approved: "high", quote: "pra ontem", createdAt: at(3) },
  ];

  it("puts the corrections sharing words with the chat first, then the newest", () => {
    const ranked = relevantCorrections(corrections, "preciso de hospedagem pro cachorro", 2);
    expect(ranked.map((correction) => correction.approved)).toEqual(["Hotel para Cães", "high"]);
  });
});

describe("LLM examples and the combined provider (local fake OpenAI server)", () => {
  const fakeServer = fakeOpenAiServerForFile();
  const options = () => ({ apiKey: fakeServer().apiKey, baseURL: fakeServer().baseURL, model: "gpt-test", timeoutMs: 2_000, maxRetries: 0 });
  const chat = conversation({
    id: "pet-1",
    country: "BR",
    products: CATALOG,
    waId: "5511987650001",
    messages: [
      ["u", "Oi! Preciso de hospedagem pro meu cachorro no feriado"],
      ["a", "Temos o Hotel para Cães! Qual seu nome?"],
      ["u", "Marina Alves, marina.alves@gmail.com"],
    ],
  });
  const answer = (overrides: Partial<LlmLead> = {}): LlmLead => ({
    name: { value: "Marina Alves", message_id: "m3", quote: "Marina Alves" },
    email: { value: "marina.alves@gmail.com", message_id: "m3", quote: "marina.alves@gmail.com" },
    phone: null,
    company: null,
    product_interest: { value: "Hotel para Cães", message_id: "m2", quote: "Temos o Hotel para Cães" },
    urgency_level: { value: "low", message_id: null, quote: null },
    whatsapp_number_not_owned: false,
    ...overrides,
  });
  const result = (outcome: ExtractionOutcome): ExtractionResult => {
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.result;
  };

  it("sends the workspace's relevant corrections inside the conversation data", async () => {
    fakeServer().enqueue({ kind: "content", content: JSON.stringify(answer()) });
    const example = { field: "product_interest" as const, extracted: "Banho e Tosa", approved: "Hotel para Cães", quote: "hospedagem pro cachorro" };
    await createLlmExtractor(options()).extract({ ...chat, learning: { productSynonyms: {}, corrections: [example] } });
    const prompt = fakeServer().requests[0]!.body.messages.map((message) => message.content).join("\n");
    const data = JSON.parse(prompt.slice(prompt.indexOf("{"), prompt.lastIndexOf("}") + 1)) as { reviewer_corrections: unknown[] };
    expect(data.reviewer_corrections).toEqual([{ field: "product_interest", extracted: "Banho e Tosa", approved: "Hotel para Cães", prospect_words: "hospedagem pro cachorro" }]);
    expect(prompt).toMatch(/reviewer_corrections/);
  });

  it("sends no examples when the workspace has no corrections", async () => {
    fakeServer().enqueue({ kind: "content", content: JSON.stringify(answer()) });
    await createLlmExtractor(options()).extract(chat);
    const prompt = fakeServer().requests[0]!.body.messages.at(-1)!.content;
    expect(prompt).toContain('"reviewer_corrections": []');
  });

  it("combined: agreeing readings give the model's lead without disagreement flags", async () => {
    fakeServer().enqueue({ kind: "content", content: JSON.stringify(answer()) });
    const lead = result(await createCombinedExtractor(createLlmDrafter(options())).extract(chat));
    expect(lead.provider).toBe("combined");
    expect(lead.lead).toMatchObject({ name: "Marina Alves", email: "marina.alves@gmail.com", product_interest: "Hotel para Cães" });
    expect(lead.flags.filter((flag) => flag.code === "extractors_disagree")).toEqual([]);
  });

  it("combined: a field the two read differently is flagged with the rules' reading, and an ungrounded value is dropped", async () => {
    fakeServer().enqueue({ kind: "content", content: JSON.stringify(answer({ name: { value: "Marina Souza", message_id: "m3", quote: "Marina Souza" }, urgency_level: { value: "high", message_id: "m1", quote: "no feriado" } })) });
    const lead = result(await createCombinedExtractor(createLlmDrafter(options())).extract(chat));
    // "Souza" was never written: grounding drops the model's name, the rules' name is kept and the difference flagged.
    expect(lead.lead.name).toBe("Marina Alves");
    expect(lead.flags).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unsupported_value", field: "name" }), expect.objectContaining({ code: "extractors_disagree", field: "name", suggestion: "Marina Alves" })]));
    expect(lead.flags).toEqual(expect.arrayContaining([expect.objectContaining({ code: "extractors_disagree", field: "urgency_level", suggestion: "low" })]));
  });

  it("combined: when the model fails, the rules' lead stands, flagged", async () => {
    fakeServer().enqueue({ kind: "error", status: 500, message: "boom" });
    const lead = result(await createCombinedExtractor(createLlmDrafter(options())).extract(chat));
    expect(lead.lead.name).toBe("Marina Alves");
    expect(lead.flags.map((flag) => flag.code)).toContain("llm_unavailable");
  });
});
