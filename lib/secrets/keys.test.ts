// The process's keys: without ENCRYPTION_KEY in production nothing is sealed or
// opened, and the error says what to set.
import { afterEach, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { currentKey, openingKeys } from "./keys";
import { open, seal } from "./secret-box";

const saved = { NODE_ENV: process.env.NODE_ENV, AUTH_SECRET: process.env.AUTH_SECRET, ENCRYPTION_KEY: process.env.ENCRYPTION_KEY };

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  reloadEnv();
});

function production(settings: Record<string, string> = {}) {
  Object.assign(process.env, { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) });
  delete process.env.ENCRYPTION_KEY;
  Object.assign(process.env, settings);
  reloadEnv();
}

describe("encryption keys", () => {
  it("refuses to seal or open in production without ENCRYPTION_KEY, saying what to set", () => {
    production();
    const refusal = (() => {
      try {
        currentKey();
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "unavailable", message: expect.stringMatching(/ENCRYPTION_KEY is not set/) });
    expect(() => openingKeys()).toThrow(/ENCRYPTION_KEY is not set/);
  });

  it("seals and opens with ENCRYPTION_KEY in production", () => {
    production({ ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64") });
    const sealed = seal("pat-na1-secret", currentKey(), "workspace-1");
    expect(open(sealed, openingKeys(), "workspace-1")).toBe("pat-na1-secret");
  });
});
