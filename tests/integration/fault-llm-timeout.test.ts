// Fault: the LLM (a local OpenAI-compatible fake) stops answering. Extraction
// runs as the extract_lead job through jobs:drain on a clock the test moves.
// A conversation whose first attempt timed out is extracted on a later one; a
// conversation whose model never came back is given up on after the job's
// attempts, shown as failed with the reason, and a reviewer's retry extracts it
// once the model answers again. Nothing is left claimed or pending.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { CONVERSATION_END, CONVERSATION_START } from "@/lib/extraction/llm-schema";
import { drainDueWork } from "@/lib/jobs/drain";
import { extractLeadJob } from "@/lib/jobs/extract-lead";
import { retryExtraction } from "@/lib/leads/retry";
import { startFakeOpenAiServer, type ChatRequest, type FakeOpenAiServer, type FakeReply } from "@/tests/fakes/openai-server";

let llm: FakeOpenAiServer;

beforeAll(async () => {
  llm = await startFakeOpenAiServer();
  Object.assign(process.env, {
    EXTRACTION_PROVIDER: "llm",
    OPENAI_API_KEY: llm.apiKey,
    OPENAI_BASE_URL: llm.baseURL,
    OPENAI_MODEL: "gpt-test",
    OPENAI_TIMEOUT_MS: "300",
  });
  reloadEnv();
});

afterAll(async () => {
  await llm.close();
  for (const name of ["EXTRACTION_PROVIDER", "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "OPENAI_TIMEOUT_MS"]) delete process.env[name];
  reloadEnv();
});

/** A correct answer for the conversation in the request: the name and email its first message gives. */
function answer(request: ChatRequest): FakeReply {
  const prompt = request.messages.at(-1)!.content;
  const data = JSON.parse(prompt.slice(prompt.indexOf(CONVERSATION_START) + CONVERSATION_START.length, prompt.indexOf(CONVERSATION_END))) as {
    messages: { id: string; text: string }[];
  };
  const [first] = data.messages;
  const name = /I'm ([A-Z]\w+ [A-Z]\w+)/.exec(first!.text)![1]!;
  const email = /\S+@\S+\.\w+/.exec(first!.text)![0];
  return {
    kind: "content",
    content: JSON.stringify({
      name: { value: name, message_id: first!.id, quote: name },
      email: { value: email, message_id: first!.id, quote: email },
      phone: null,
      company: null,
      product_interest: null,
      urgency_level: { value: "medium", message_id: null, quote: null },
      whatsapp_number_not_owned: false,
    }),
  };
}

let seq = 0;
async function conversation(workspaceId: string, text: string) {
  seq += 1;
  const at = new Date(Date.now() - 10 * 60_000);
  const row = await db().conversation.create({
    data: { workspaceId, source: "import", contactWaId: `5511977700${String(seq).padStart(3, "0")}`, firstMessageAt: at, lastMessageAt: at, lastUserMessageAt: at },
  });
  await db().message.create({ data: { workspaceId, conversationId: row.id, providerMessageId: `wamid.llm.${seq}`, role: "user", body: text, sentAt: at } });
  await extractLeadJob.enqueue(db(), { conversationId: row.id }, { workspaceId, dedupeKey: row.id, availableAt: new Date(0) });
  return row.id;
}

describe("the LLM timing out", () => {
  it("retries extraction later, gives up visibly when the model stays away, and a reviewer's retry extracts once it is back", { timeout: 120_000 }, async () => {
    const workspaceId = (await db().workspace.create({ data: { name: "LLM shop", slug: "llm-shop", defaultCountry: "BR" } })).id;
    const brief = await conversation(workspaceId, "Hi, I'm Ana Souza, ana.souza@example.com, I need a quote");
    const long = await conversation(workspaceId, "Hello, I'm Caio Mendes, caio.mendes@example.com, call me please");
    // The model does not answer: for the first conversation during its first attempt
    // (three requests: the SDK retries twice), for the second until the test says so.
    let briefRequests = 0;
    let modelBack = false;
    llm.respondWith((request) => {
      const forBrief = request.messages.at(-1)!.content.includes("Ana Souza");
      if (forBrief && ++briefRequests > 3) return answer(request);
      return modelBack ? answer(request) : { kind: "hang" };
    });

    let clock = Date.now();
    for (let pass = 0; pass < 8; pass++) {
      await drainDueWork({ worker: `drain-${pass}`, now: () => new Date(clock) });
      clock += 10 * 60_000;
    }

    expect(await db().leadProposal.findUniqueOrThrow({ where: { conversationId: brief } })).toMatchObject({ extractor: "llm", name: "Ana Souza", email: "ana.souza@example.com", failureReason: null });
    const failed = await db().leadProposal.findUniqueOrThrow({ where: { conversationId: long } });
    expect(failed).toMatchObject({
      status: "failed",
      failureReason: `Gave up after ${extractLeadJob.maxAttempts} attempts: The extraction provider failed: the model did not answer within 300 ms`,
      failurePhrase: expect.objectContaining({ code: "extraction_gave_up" }),
    });
    expect(await db().outboxItem.count({ where: { workspaceId, status: { in: ["pending", "claimed"] } } })).toBe(0);

    modelBack = true;
    await retryExtraction(workspaceId, failed.id, { actorType: "user", actorId: null, actorLabel: "reviewer@example.com" });
    await drainDueWork({ worker: "after-retry" });
    expect(await db().leadProposal.findUniqueOrThrow({ where: { conversationId: long } })).toMatchObject({ name: "Caio Mendes", failureReason: null });
    expect(await db().outboxItem.count({ where: { workspaceId, status: { in: ["pending", "claimed"] } } })).toBe(0);
  });
});
