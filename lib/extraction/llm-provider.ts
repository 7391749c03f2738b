// The LLM provider: asks any OpenAI-compatible chat API for a structured lead
// (zod-validated), with a timeout and retries on 429/5xx, then runs the answer
// through the same grounding and validation as the embedded provider. Invalid
// JSON, a schema violation, a refusal or an API failure is a failure outcome
// with the reason: no lead is proposed. A timeout, a connection failure, a 429
// or a 5xx (after the SDK's retries) is marked retryable: it says nothing
// about the conversation.
import OpenAI from "openai";
import { ContentFilterFinishReasonError, LengthFinishReasonError } from "openai/error";
import { zodResponseFormat } from "openai/helpers/zod";
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

/** The model was unreachable, slow or overloaded, rather than answering badly. */
function isRetryable(error: unknown): boolean {
  if (error instanceof OpenAI.APIConnectionError) return true; // includes timeouts
  return error instanceof OpenAI.APIError && error.status !== undefined && (error.status === 408 || error.status === 429 || error.status >= 500);
}

function failureReason(error: unknown, timeoutMs: number): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return `the model did not answer within ${timeoutMs} ms`;
  if (error instanceof OpenAI.APIError) return `the model API failed${error.status ? ` with HTTP ${error.status}` : ""}: ${error.message}`;
  if (error instanceof SyntaxError) return "the model returned invalid JSON";
  if (error instanceof Error && error.name === "ZodError" && "issues" in error && Array.isArray(error.issues)) {
    const issues = (error.issues as Array<{ path: PropertyKey[]; message: string }>).map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
    return `the model's answer violates the lead schema (${issues.slice(0, 5).join("; ")})`;
  }
  if (error instanceof LengthFinishReasonError) return "the model's answer was cut off (length limit)";
  if (error instanceof ContentFilterFinishReasonError) return "the model's answer was blocked by a content filter";
  return `the model call failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** Asks the model for a lead and grounds its answer in the (already bounded) conversation. */
export type LlmDrafter = (input: ConversationInput) => Promise<{ ok: true; draft: LeadProposalDraft } | { ok: false; reason: string; retryable?: boolean }>;

export function createLlmDrafter(options: LlmExtractorOptions): LlmDrafter {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeout: timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_LLM_MAX_RETRIES,
  });
  return async (input) => {
    try {
      const completion = await client.chat.completions.parse({
        model: options.model,
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: conversationPrompt(input) },
        ],
        response_format: zodResponseFormat(llmLeadSchema, "lead_proposal"),
      });
      const message = completion.choices[0]?.message;
      if (!message) return { ok: false, reason: "the model returned no choices" };
      if (message.refusal) return { ok: false, reason: `the model refused: ${message.refusal}` };
      if (!message.parsed) return { ok: false, reason: "the model returned no structured answer" };
      return { ok: true, draft: groundLlmLead(input, message.parsed) };
    } catch (error) {
      return { ok: false, reason: failureReason(error, timeoutMs), ...(isRetryable(error) ? { retryable: true } : {}) };
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
      if (!drafted.ok) return { ok: false, conversationId: input.id, provider: name, reason: drafted.reason, ...(drafted.retryable ? { retryable: true } : {}) };
      return { ok: true, result: finalizeProposal(input, drafted.draft, name) };
    },
  };
}
