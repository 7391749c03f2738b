// Password hashing with Argon2id (@node-rs/argon2, prebuilt binaries, no install
// script) at OWASP's minimum parameters, plus the rules a new password must meet.
// Each hash takes ~19 MiB and a core for tens of milliseconds, so at most
// HASH_CONCURRENCY run at once in a process and at most HASH_QUEUE wait; past
// that the caller is told to retry (503) instead of the process running out of
// memory or CPU. Never call these inside a database transaction: a connection
// would be held while waiting.
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "@/lib/errors";

// OWASP Password Storage Cheat Sheet: m=19 MiB, t=2, p=1. Algorithm 2 = Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Hashes running at once (the machines this runs on have two cores or more). */
export const HASH_CONCURRENCY = 2;
/** Hashes waiting for a turn; more are refused. */
export const HASH_QUEUE = 64;

let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) {
    if (waiting.length >= HASH_QUEUE) throw new AppError("unavailable", "Too many sign-ins at once. Try again in a few seconds.", { retryAfterSeconds: 5 });
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter, or free it.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** Hashes running and waiting right now (for tests and metrics). */
export function hashLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

export function checkNewPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError("validation_failed", `A password needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`, {
      errors: [{ path: "password", message: `must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters` }],
    });
  }
}

export async function hashPassword(password: string): Promise<string> {
  checkNewPassword(password);
  return withHashSlot(() => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  return withHashSlot(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

// Verified against when the email is unknown, so both cases take the same time.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-matches");
  return decoyHash;
}
