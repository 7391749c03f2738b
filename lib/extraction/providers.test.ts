import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { extractorFor, ProviderConfigError } from "./providers";

describe("extractorFor", () => {
  it("defaults to the embedded provider", () => {
    expect(extractorFor(undefined, parseEnv({})).name).toBe("embedded");
  });

  it("follows EXTRACTION_PROVIDER and builds the LLM provider from its settings", () => {
    const config = parseEnv({ EXTRACTION_PROVIDER: "llm", OPENAI_API_KEY: "sk-x", OPENAI_MODEL: "gpt-test", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" });
    expect(extractorFor(undefined, config).name).toBe("llm");
    expect(extractorFor("embedded", config).name).toBe("embedded");
  });

  it("refuses the LLM provider without a key or model, naming what is missing", () => {
    expect(() => extractorFor("llm", parseEnv({ OPENAI_MODEL: "gpt-test" }))).toThrow(ProviderConfigError);
    expect(() => extractorFor("llm", parseEnv({}))).toThrow(/OPENAI_API_KEY and OPENAI_MODEL/);
  });

  it("rejects an unknown provider name or a malformed base URL at startup", () => {
    expect(() => parseEnv({ EXTRACTION_PROVIDER: "magic" })).toThrow(/EXTRACTION_PROVIDER/);
    expect(() => parseEnv({ OPENAI_BASE_URL: "not a url" })).toThrow(/OPENAI_BASE_URL/);
  });
});
