// The LLM provider: asks any OpenAI-compatible chat API for a structured lead
// (zod-validated), with a timeout and retries on 429/5xx, then runs the answer
// through the same grounding and validation as the embedded provider. Invalid
// JSON, a schema violation, a refusal or an API failure is a failure outcome
// with the reason: no lead is proposed. A timeout, a connection failure, a 429
// or a 5xx (after the SDK's retries) is marked retryable: it says nothing
// about the conversation.
import type OpenAI from "openai";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { boundConversation } from "./bounds";
import { finalizeProposal } from "./finalize";
import { groundLlmLead } from "./grounding";
import { conversationPrompt, llmLeadSchema, SYSTEM_PROMPT } from "./llm-schema";
import type { ConversationInput, ExtractionOutcome, LeadExtractor, LeadProposalDraft } from "./types";

export interface LlmExtractorOptions {
  apiKey: string;
  model: string;
  /** An OpenAI-compatible base URL (…/v1); the SDK's default when undefined. */
  baseURL?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries on 408/409/429/5xx and connection errors, with the SDK's backoff (honours Retry-After). */
  maxRetries?: number;
}

export const DEFAULT_LLM_TIMEOUT_MS = 30_000;
export const DEFAULT_LLM_MAX_RETRIES = 2;

type Sdk = { OpenAI: typeof OpenAI; errors: typeof import("openai/error"); zodResponseFormat: typeof import("openai/helpers/zod").zodResponseFormat };

let sdk: Promise<Sdk> | undefined;
/** The SDK, loaded when a model is first asked: a process with no model configured never holds it. */
function loadSdk(): Promise<Sdk> {
  sdk ??= Promise.all([import("openai"), import("openai/error"), import("openai/helpers/zod")]).then(([main, errors, helpers]) => ({
    OpenAI: main.default,
    errors,
    zodResponseFormat: helpers.zodResponseFormat,
  }));
  return sdk;
}

/** The model was unreachable, slow or overloaded, rather than answering badly. */
function isRetryable(error: unknown, { errors }: Sdk): boolean {
  if (error instanceof errors.APIConnectionError) return true; // includes timeouts
  return error instanceof errors.APIError && error.status !== undefined && (error.status === 408 || error.status === 429 || error.status >= 500);
}

/** Why a model call failed, as a phrase (the dashboard words it; `message` is the English). */
function failureReason(error: unknown, timeoutMs: number, { errors }: Sdk): Phrase {
  if (error instanceof errors.APIConnectionTimeoutError) return phrase("llm_timeout", `the model did not answer within ${timeoutMs} ms`, { ms: timeoutMs });
  if (error instanceof errors.APIError) return phrase("llm_api_error", `the model API failed${error.status ? ` with HTTP ${error.status}` : ""}: ${error.message}`, { detail: error.status ? `HTTP ${error.status}` : error.message });
  if (error instanceof SyntaxError) return phrase("llm_invalid_json", "the model returned invalid JSON");
  if (error instanceof Error && error.name === "ZodError" && "issues" in error && Array.isArray(error.issues)) {
    const issues = (error.issues as Array<{ path: PropertyKey[]; message: string }>).map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
    const detail = issues.slice(0, 5).join("; ");
    return phrase("llm_schema_violation", `the model's answer violates the lead schema (${detail})`, { detail });
  }
  if (error instanceof errors.LengthFinishReasonError) return phrase("llm_cut_off", "the model's answer was cut off (length limit)");
  if (error instanceof errors.ContentFilterFinishReasonError) return phrase("llm_content_filter", "the model's answer was blocked by a content filter");
  const detail = error instanceof Error ? error.message : String(error);
  return phrase("llm_call_failed", `the model call failed: ${detail}`, { detail });
}

/** Asks the model for a lead and grounds its answer in the (already bounded) conversation. */
export type LlmDrafter = (input: ConversationInput) => Promise<{ ok: true; draft: LeadProposalDraft } | { ok: false; reason: Phrase; retryable?: boolean }>;

export function createLlmDrafter(options: LlmExtractorOptions): LlmDrafter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  let client: OpenAI | undefined;
  return async (input) => {
    const loaded = await loadSdk();
    client ??= new loaded.OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: timeoutMs,
      maxRetries: options.maxRetries ?? DEFAULT_LLM_MAX_RETRIES,
    });
    try {
      const completion = await client.chat.completions.parse({
        model: options.model,
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: conversationPrompt(input) },
        ],
        response_format: loaded.zodResponseFormat(llmLeadSchema, "lead_proposal"),
      });
      const message = completion.choices[0]?.message;
      if (!message) return { ok: false, reason: phrase("llm_no_answer", "the model returned no choices") };
      if (message.refusal) return { ok: false, reason: phrase("llm_refused", `the model refused: ${message.refusal}`, { detail: message.refusal }) };
      if (!message.parsed) return { ok: false, reason: phrase("llm_no_structured_answer", "the model returned no structured answer") };
      return { ok: true, draft: groundLlmLead(input, message.parsed) };
    } catch (error) {
      return { ok: false, reason: failureReason(error, timeoutMs, loaded), ...(isRetryable(error, loaded) ? { retryable: true } : {}) };
    }
  };
}

export function createLlmExtractor(options: LlmExtractorOptions): LeadExtractor {
  const draft = createLlmDrafter(options);
  const name = "llm";
  return {
    name,
    async extract(whole: ConversationInput): Promise<ExtractionOutcome> {
      // The model reads, and its answer is grounded in, the same bounded conversation as the rules.
      const input = boundConversation(whole);
      const drafted = await draft(input);
      if (!drafted.ok) return { ok: false, conversationId: input.id, provider: name, reason: drafted.reason.message, reasonPhrase: drafted.reason, ...(drafted.retryable ? { retryable: true } : {}) };
      return { ok: true, result: finalizeProposal(input, drafted.draft, name) };
    },
  };
}
