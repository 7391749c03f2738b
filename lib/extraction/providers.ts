// Chooses the extraction provider in one place: the embedded rules by default,
// the LLM provider when EXTRACTION_PROVIDER=llm, or both together (combined: the
// LLM proposes, the rules verify) when EXTRACTION_PROVIDER=combined; the last
// two need OPENAI_API_KEY and OPENAI_MODEL.
import { env, type Env } from "@/lib/env";
import { embeddedExtractor } from "./embedded-provider";
import { createCombinedExtractor } from "./combined-provider";
import { createLlmDrafter, createLlmExtractor } from "./llm-provider";
import type { LeadExtractor } from "./types";

export type ProviderName = "embedded" | "llm" | "combined";
export const PROVIDER_NAMES: readonly ProviderName[] = ["embedded", "llm", "combined"];

export class ProviderConfigError extends Error {
  override name = "ProviderConfigError";
}

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

/** The extractor for `name`, or for EXTRACTION_PROVIDER when no name is given. */
export function extractorFor(name?: ProviderName, config: Pick<Env, "EXTRACTION_PROVIDER" | "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL" | "OPENAI_TIMEOUT_MS"> = env()): LeadExtractor {
  const chosen = name ?? config.EXTRACTION_PROVIDER;
  if (chosen === "embedded") return embeddedExtractor;
  const missing = [!config.OPENAI_API_KEY && "OPENAI_API_KEY", !config.OPENAI_MODEL && "OPENAI_MODEL"].filter(Boolean);
  if (missing.length > 0 || !config.OPENAI_API_KEY || !config.OPENAI_MODEL) {
    throw new ProviderConfigError(`The ${chosen} extraction provider needs ${missing.join(" and ")} to be set`);
  }
  const options = { apiKey: config.OPENAI_API_KEY, model: config.OPENAI_MODEL, baseURL: config.OPENAI_BASE_URL, timeoutMs: config.OPENAI_TIMEOUT_MS };
  return chosen === "combined" ? createCombinedExtractor(createLlmDrafter(options)) : createLlmExtractor(options);
}
