import { describe, expect, it } from "vitest";
import { EnvError, LOCAL_AUTH_SECRET, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database on 127.0.0.1:3000", () => {
    const config = parseEnv({});
    expect(config).toMatchObject({ HOST: "127.0.0.1", PORT: 3000, SEED_DEMO: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable when a value is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(/DATABASE_URL/);
  });

  it("requires AUTH_SECRET in production and labels the local default elsewhere", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    const secret = "x".repeat(32);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: secret }).AUTH_SECRET).toBe(secret);
    expect(parseEnv({ NODE_ENV: "development" }).AUTH_SECRET).toBe(LOCAL_AUTH_SECRET);
    expect(LOCAL_AUTH_SECRET).toMatch(/not-for-production/);
    // `next build` evaluates modules in production mode without runtime secrets.
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });
});
