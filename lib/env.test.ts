import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EnvError, LOCAL_AUTH_SECRET, LOCAL_ENCRYPTION_KEY, parseEnv, startWarnings } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database on 127.0.0.1:3000", () => {
    const config = parseEnv({});
    expect(config).toMatchObject({ HOST: "127.0.0.1", PORT: 3000 });
    // Unset: whether to seed the demo depends on how the app is started (lib/demo/login.ts).
    expect(config.SEED_DEMO).toBeUndefined();
    expect(parseEnv({ SEED_DEMO: "true" }).SEED_DEMO).toBe(true);
    expect(parseEnv({ SEED_DEMO: "false" }).SEED_DEMO).toBe(false);
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
    const others = { ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"), APP_URL: "https://leads.example.com" };
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: secret, ...others }).AUTH_SECRET).toBe(secret);
    expect(parseEnv({ NODE_ENV: "development" }).AUTH_SECRET).toBe(LOCAL_AUTH_SECRET);
    expect(LOCAL_AUTH_SECRET).toMatch(/not-for-production/);
    // `next build` evaluates modules in production mode without runtime secrets.
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });
});

describe("WhatsApp and extraction settings", () => {
  it("leaves the webhook unconfigured by default and waits 120 s before extracting", () => {
    const config = parseEnv({});
    expect(config.WHATSAPP_APP_SECRET).toBeUndefined();
    expect(config.WHATSAPP_VERIFY_TOKEN).toBeUndefined();
    expect(config.EXTRACTION_QUIET_SECONDS).toBe(120);
  });

  it("reads the secrets and refuses a negative quiet period", () => {
    expect(parseEnv({ WHATSAPP_APP_SECRET: "s", WHATSAPP_VERIFY_TOKEN: "t", EXTRACTION_QUIET_SECONDS: "5" })).toMatchObject({
      WHATSAPP_APP_SECRET: "s",
      WHATSAPP_VERIFY_TOKEN: "t",
      EXTRACTION_QUIET_SECONDS: 5,
    });
    expect(() => parseEnv({ EXTRACTION_QUIET_SECONDS: "-1" })).toThrow(/EXTRACTION_QUIET_SECONDS/);
  });
});

describe("CRM settings", () => {
  it("ignores a retired deployment-wide HubSpot setting, with a warning saying what to do instead", () => {
    const old = parseEnv({ HUBSPOT_ACCESS_TOKEN: "pat-na1-x", CRM_PROVIDER: "hubspot", HUBSPOT_PORTAL_ID: "123" });
    const warnings = startWarnings(old);
    expect(warnings).toHaveLength(3);
    expect(warnings.find((warning) => warning.startsWith("HUBSPOT_ACCESS_TOKEN"))).toMatch(/no longer used: .*crm:connect/);
    expect(warnings.join("\n")).not.toContain("pat-na1-x");
    expect(startWarnings(parseEnv({ HUBSPOT_ACCESS_TOKEN: "" }))).toEqual([]);
    expect(parseEnv({ HUBSPOT_ACCESS_TOKEN: "" }).HUBSPOT_BASE_URL).toBe("https://api.hubapi.com");
  });

  it("has no stand-in for ENCRYPTION_KEY or APP_URL in production, and labels the local defaults elsewhere", () => {
    const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) };
    const key = Buffer.alloc(32, 7).toString("base64");
    // The app starts; connecting a CRM then says the key is missing (lib/secrets/keys.test.ts), notes carry no link.
    expect(parseEnv(production)).toMatchObject({ ENCRYPTION_KEY: undefined, APP_URL: undefined });
    expect(startWarnings(parseEnv(production))).toEqual([expect.stringMatching(/^ENCRYPTION_KEY is not set/), expect.stringMatching(/^APP_URL is not set/)]);
    expect(startWarnings(parseEnv({ ...production, ENCRYPTION_KEY: key, APP_URL: "https://leads.example.com" }))).toEqual([]);
    expect(parseEnv({ ...production, ENCRYPTION_KEY: key, APP_URL: "https://leads.example.com/" })).toMatchObject({ ENCRYPTION_KEY: key, APP_URL: "https://leads.example.com" });
    expect(() => parseEnv({ ENCRYPTION_KEY: "too-short" })).toThrow(/ENCRYPTION_KEY: must be 32 random bytes/);
    expect(parseEnv({ PORT: "3070" })).toMatchObject({ ENCRYPTION_KEY: LOCAL_ENCRYPTION_KEY, APP_URL: "http://127.0.0.1:3070", ENCRYPTION_KEY_PREVIOUS: [] });
    expect(parseEnv({ ENCRYPTION_KEY_PREVIOUS: `${key}, ${key}` }).ENCRYPTION_KEY_PREVIOUS).toEqual([key, key]);
    expect(() => parseEnv({ ENCRYPTION_KEY_PREVIOUS: "nope" })).toThrow(/ENCRYPTION_KEY_PREVIOUS/);
  });
});

describe("WEB_HEAP_MB, applied by scripts/release.sh as Node starts", () => {
  it("has the same default there as here", () => {
    expect(/WEB_HEAP_MB:-(\d+)/.exec(readFileSync("scripts/release.sh", "utf8"))?.[1]).toBe(String(parseEnv({}).WEB_HEAP_MB));
  });

  it("is refused in words before Node starts when it is not a number", () => {
    const started = spawnSync("bash", ["scripts/release.sh", "start"], { env: { ...process.env, WEB_HEAP_MB: "lots" }, encoding: "utf8" });
    expect(started.status).toBe(2);
    expect(started.stderr).toContain("WEB_HEAP_MB must be a whole number of megabytes, not 'lots'");
  });
});
