// Meta signs every webhook POST with the app secret: `X-Hub-Signature-256:
// sha256=<hex>` is HMAC-SHA256 of the raw body bytes. Checked before the body is
// parsed, in constant time, so nobody can feed us conversations.
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBody(rawBody: Buffer | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

/** True only when `header` is exactly the signature of these bytes. */
export function isValidSignature(rawBody: Buffer, header: string | null, appSecret: string): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? "");
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1].toLowerCase(), "hex");
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Compares two secrets without leaking where they differ (hashing makes the lengths equal). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHmac("sha256", "leadbridge").update(given).digest();
  const b = createHmac("sha256", "leadbridge").update(expected).digest();
  return timingSafeEqual(a, b);
}
