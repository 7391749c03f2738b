// Configuration: every environment variable the product reads, parsed once with
// zod. Nothing else reads process.env. A bad value fails at start with a message
// naming the variable.
import { createHash } from "node:crypto";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** A variable that is no longer read: any value fails the start with `advice`. */
const retired = (advice: string) => optionalString.pipe(z.undefined({ error: `is no longer used: ${advice}.` }));

/** 32 bytes in base64: an AES-256 key. */
const encryptionKey = z.string().refine((value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, "base64").length === 32, {
  message: "must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)",
});

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Least severe log level written (structured JSON on stdout, lib/log.ts).
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Empty: the embedded PostgreSQL under LEADBRIDGE_DATA_DIR is started and used.
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  LEADBRIDGE_DATA_DIR: z.string().trim().min(1).default(".data"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  // Create the demo workspace on first start of an empty database.
  SEED_DEMO: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
  // Inngest: Cloud (event + signing keys), a self-hosted server (INNGEST_BASE_URL
  // + keys), or `npx inngest-cli dev` (INNGEST_DEV=1). None set: no engine; the
  // development server drains the outbox itself every few seconds.
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_BASE_URL: optionalString.pipe(z.url().optional()),
  INNGEST_DEV: optionalString,
  // Seconds between the development server's outbox drains when no Inngest is configured.
  DEV_DRAIN_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  // Each workspace connects its own CRM account (Settings -> CRM, crm:connect);
  // with none it uses the internal CRM. Where HubSpot's API is, for every
  // workspace (tests point it at a local fake).
  HUBSPOT_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).default("https://api.hubapi.com")),
  // Give up on a HubSpot request after this long (it is then retried as transient).
  HUBSPOT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // The most requests per 10 s sent to one HubSpot account; an account whose own
  // limit (read when it is connected) is lower gets its own limit.
  HUBSPOT_REQUESTS_PER_10S: z.coerce.number().int().min(1).max(1_000).default(100),
  // Retired by per-workspace connections: set, they stop the start with a message.
  CRM_PROVIDER: retired("each workspace now connects its own CRM (Settings -> CRM or `npm run -s crm:connect`); without a connection it uses the internal CRM. Unset it"),
  HUBSPOT_ACCESS_TOKEN: retired("each workspace now connects its own HubSpot account: run `npm run -s crm:connect -- --workspace W --provider hubspot --access-token T` for each, then unset it"),
  HUBSPOT_PORTAL_ID: retired("the portal id is read from each workspace's connected account. Unset it"),
  // Seals CRM access tokens at rest (AES-256-GCM): 32 random bytes in base64
  // (`openssl rand -base64 32`). Required in production; development and tests
  // use LOCAL_ENCRYPTION_KEY. To rotate: the new key here, the old one in
  // ENCRYPTION_KEY_PREVIOUS, restart, `npm run -s crm:reencrypt`, then drop the old one.
  ENCRYPTION_KEY: optionalString.pipe(encryptionKey.optional()),
  // Earlier keys, comma-separated, still accepted to open tokens sealed with them.
  ENCRYPTION_KEY_PREVIOUS: optionalString.pipe(
    z.string().transform((value, context) => value.split(",").map((key) => key.trim()).filter(Boolean).map((key) => {
      const parsed = encryptionKey.safeParse(key);
      if (!parsed.success) context.addIssue({ code: "custom", message: "each key must be 32 bytes in base64" });
      return key;
    })).optional(),
  ),
  // The dashboard's public address (e.g. https://leads.example.com): links to a
  // lead in CRM notes and in notifications sent to a workspace's outgoing
  // webhook. Required in production; elsewhere http://HOST:PORT.
  APP_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")).optional()),
  // WhatsApp Business Cloud API webhook: the Meta app's secret signs every POST
  // (X-Hub-Signature-256); the verify token answers Meta's subscription handshake.
  // Unset: the webhook answers 503 and accepts nothing.
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  // Quiet period before a conversation is extracted: each new message pushes
  // extraction this many seconds later, so a burst of messages is read once.
  // The default for NEW workspaces; each workspace keeps its own (Settings).
  EXTRACTION_QUIET_SECONDS: z.coerce.number().int().min(0).max(86_400).default(120),
  // Lead extraction: "embedded" (rules, no network) or "llm" (an OpenAI-compatible API).
  // embedded (rules), llm (an OpenAI-compatible model, grounded) or combined (the model proposes, the rules verify).
  EXTRACTION_PROVIDER: z.enum(["embedded", "llm", "combined"]).default("embedded"),
  OPENAI_API_KEY: optionalString,
  // Any OpenAI-compatible server; empty means OpenAI's own API.
  OPENAI_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OPENAI_MODEL: optionalString,
  // Keys the stored hashes of session tokens: changing it signs everyone out.
  // Required in production; development and tests use LOCAL_AUTH_SECRET.
  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  // Days a sign-in lasts.
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  // Give up on a workspace's outgoing notification webhook after this long (retried later).
  NOTIFICATION_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // Set by Next.js; "phase-production-build" while `next build` runs (no secrets needed then).
  NEXT_PHASE: optionalString,
}).refine((config) => config.EXTRACTION_PROVIDER === "embedded" || (config.OPENAI_API_KEY !== undefined && config.OPENAI_MODEL !== undefined), {
  path: ["OPENAI_API_KEY"],
  message: "OPENAI_API_KEY and OPENAI_MODEL are required when EXTRACTION_PROVIDER=llm or combined",
});

export type Env = z.output<typeof checkedEnvSchema>;

export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    super(`Invalid environment configuration:\n${lines.join("\n")}`);
    this.name = "EnvError";
  }
}

/** Development and tests only: never used when NODE_ENV is production. */
export const LOCAL_AUTH_SECRET = "local-development-only-auth-secret-not-for-production";
/** Development and tests only (sha256 of a label): tokens sealed with it are readable by anyone with the code. */
export const LOCAL_ENCRYPTION_KEY = createHash("sha256").update("leadbridge local development only encryption key, not for production").digest("base64");

type ParsedEnv = z.output<typeof envSchema>;
const runtimeProduction = (config: ParsedEnv) => config.NODE_ENV === "production" && config.NEXT_PHASE !== "phase-production-build";

const checkedEnvSchema = envSchema
  .refine((config) => !runtimeProduction(config) || config.AUTH_SECRET !== undefined, {
    path: ["AUTH_SECRET"],
    message: "is required in production (32+ random characters, e.g. `openssl rand -base64 32`)",
  })
  .refine((config) => !runtimeProduction(config) || config.ENCRYPTION_KEY !== undefined, {
    path: ["ENCRYPTION_KEY"],
    message: "is required in production (32 random bytes in base64, e.g. `openssl rand -base64 32`)",
  })
  .refine((config) => !runtimeProduction(config) || config.APP_URL !== undefined, {
    path: ["APP_URL"],
    message: "is required in production: the dashboard's public address, e.g. https://leads.example.com",
  })
  .transform((config) => ({
    ...config,
    AUTH_SECRET: config.AUTH_SECRET ?? LOCAL_AUTH_SECRET,
    ENCRYPTION_KEY: config.ENCRYPTION_KEY ?? LOCAL_ENCRYPTION_KEY,
    ENCRYPTION_KEY_PREVIOUS: config.ENCRYPTION_KEY_PREVIOUS ?? [],
    APP_URL: config.APP_URL ?? `http://${config.HOST}:${config.PORT}`,
  }));

/** Parses an environment; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = checkedEnvSchema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True when events can be sent to an Inngest engine (Cloud, self-hosted, or the dev server). */
export function inngestConfigured(config: Env = env()): boolean {
  return Boolean(config.INNGEST_EVENT_KEY || config.INNGEST_DEV);
}

/**
 * The database to connect to. Read on every call because the embedded database
 * publishes its URL into the environment after it starts (lib/db/database.ts).
 */
export function databaseUrl(): string {
  const url = parseEnv(process.env).DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set and no embedded PostgreSQL was started in this process");
  return url;
}

/** Parses the environment again (after a test or a launcher changed it). */
export function reloadEnv(): Env {
  cached = undefined;
  return env();
}

/** Makes a resolved database URL visible to this process and the processes it starts. */
export function publishDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  cached = undefined;
}
