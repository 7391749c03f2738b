// One-time and bearer tokens for people (sessions, invitation links, password
// reset links): 256 random bits in base64url, stored only as an HMAC keyed with
// AUTH_SECRET, so a copy of the database alone cannot be used to sign in.
import { createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/** A new token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored for a token. */
export function hashToken(token: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(token).digest("hex");
}

/** True when `value` has the shape of one of our tokens (anything else is not looked up). */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}
