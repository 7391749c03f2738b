// Structured logs (pino, one JSON object per line on stdout) that never carry
// personal data: keys that hold a prospect's words, names, emails or phones are
// redacted wherever they appear, free text in messages is scrubbed of email
// addresses and phone-like digit runs, and errors are logged by type and code
// (Prisma's messages echo query arguments, so they are never logged whole).
// Lines written while an API request is handled carry its requestId and
// workspaceId (lib/observability/request-context.ts); `logger.child({...})` adds more.
import pino, { type Logger, type LoggerOptions } from "pino";
import { env } from "@/lib/env";
import { currentRequestContext } from "@/lib/observability/request-context";

/** Keys whose values are personal data or secrets, at any depth up to three levels. */
const SENSITIVE_KEYS = [
  "body",
  "text",
  "content",
  "quote",
  "name",
  "email",
  "phone",
  "waId",
  "wa_id",
  "from",
  "profileName",
  "password",
  "token",
  "accessToken",
  "accessTokenSealed",
  "authorization",
  "cookie",
  "payload",
  "raw",
];

const redactPaths = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const EMAIL = /[^\s@<>()"',;:]{1,64}@[^\s@<>()"',;:]{1,255}/g;
// Seven or more digits, possibly separated by spaces, dots, dashes or brackets, optionally after '+'.
const PHONE = /\+?\d(?:[\s().-]{0,2}\d){6,}/g;
// Credentials that may end up in an error's text: a bearer header, a HubSpot private app token.
const CREDENTIAL = /\bBearer\s+[^\s,;"']+|\bpat-[a-z0-9]+-[\w-]{8,}/gi;

/** Masks credentials, email addresses and phone-like numbers in free text. Linear time. */
export function scrubText(text: string): string {
  return text.slice(0, 2000).replace(CREDENTIAL, "[credential]").replace(EMAIL, "[email]").replace(PHONE, "[phone]");
}

type LoggedError = { type: string; code?: string; message?: string; stack?: string };

/** An error as it may be logged: never Prisma's message (it echoes arguments), others scrubbed. */
export function serializeError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const logged: LoggedError = { type: error.name, ...(typeof code === "string" ? { code } : {}) };
  // The first line of a stack repeats the message; the frames carry no data.
  const frames = error.stack?.split("\n").slice(1).join("\n");
  if (frames) logged.stack = frames;
  if (!error.name.startsWith("PrismaClient")) logged.message = scrubText(error.message);
  return logged;
}

let destination: { write(line: string): void } = { write: (line) => void process.stdout.write(line) };
let root: Logger | undefined;

function options(): LoggerOptions {
  return {
    level: env().LOG_LEVEL,
    base: { service: "leadbridge" },
    redact: { paths: redactPaths, censor: "[redacted]" },
    serializers: { err: serializeError, error: serializeError },
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => ({ ...currentRequestContext() }),
    hooks: {
      // Scrub the message string itself: callers interpolate values into it.
      logMethod(args, method) {
        const last = args.length - 1;
        if (typeof args[last] === "string") args[last] = scrubText(args[last] as string);
        method.apply(this, args as Parameters<typeof method>);
      },
    },
  };
}

function rootLogger(): Logger {
  root ??= pino(options(), { write: (line: string) => destination.write(line) });
  return root;
}

/** The process's logger. Methods resolve the root logger on first use (after env is read). */
export const logger = {
  child: (bindings: Record<string, unknown>): Logger => rootLogger().child(bindings),
  debug: (...args: Parameters<Logger["debug"]>) => rootLogger().debug(...args),
  info: (...args: Parameters<Logger["info"]>) => rootLogger().info(...args),
  warn: (...args: Parameters<Logger["warn"]>) => rootLogger().warn(...args),
  error: (...args: Parameters<Logger["error"]>) => rootLogger().error(...args),
};

/** Tests: sends every log line to `sink` instead of stdout; returns a function that restores stdout. */
export function captureLogs(sink: (line: string) => void): () => void {
  const previous = destination;
  destination = { write: sink };
  return () => {
    destination = previous;
  };
}
