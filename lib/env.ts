// Configuration: every environment variable the product reads, parsed once with
// zod. Nothing else reads process.env. A bad value fails at start with a message
// naming the variable.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Empty: the embedded PostgreSQL under LEADBRIDGE_DATA_DIR is started and used.
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  LEADBRIDGE_DATA_DIR: z.string().trim().min(1).default(".data"),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  // Create the demo workspace on first start of an empty database.
  SEED_DEMO: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
  // Lead extraction: "embedded" (rules, no network) or "llm" (an OpenAI-compatible API).
  EXTRACTION_PROVIDER: z.enum(["embedded", "llm"]).default("embedded"),
  OPENAI_API_KEY: optionalString,
  // Any OpenAI-compatible server; empty means api.openai.com.
  OPENAI_BASE_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OPENAI_MODEL: optionalString,
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    super(`Invalid environment configuration:\n${lines.join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; exported for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
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

/** Makes a resolved database URL visible to this process and the processes it starts. */
export function publishDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  cached = undefined;
}
