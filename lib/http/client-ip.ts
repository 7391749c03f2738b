// The client's address, for sign-in limits and audit rows. Browsers do not
// send X-Forwarded-For; each reverse proxy appends the address it received the
// request from, and Next.js fills the header from the TCP connection when it
// arrives without one. So with TRUSTED_PROXIES = N proxies in front, the client
// is the N-th entry from the right, and everything left of it is whatever the
// client wrote. With N = 0 the only entry Next.js vouches for is one it set
// itself, which a client that sends its own header replaces: per-IP limits are
// then advisory, and the per-account and per-device limits are what hold
// (lib/auth/sign-in-limits.ts). Expose LeadBridge only through your proxies.
import { isIP } from "node:net";
import type { HeaderSource } from "@/lib/auth/cookies";
import { env } from "@/lib/env";

const MAX_ENTRIES = 30;

/** An address as written in X-Forwarded-For, without a port or brackets; null when it is not an IP. */
function normalizeAddress(entry: string): string | null {
  let address = entry.trim();
  const bracketed = /^\[([0-9a-fA-F:.]{2,45})\](?::\d{1,5})?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[0-9.]{7,15}:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4) address = address.slice(7);
  return isIP(address) ? address.toLowerCase() : null;
}

/** The client address given how many proxies are trusted; "unknown" when the header says nothing usable. */
export function clientIp(headers: HeaderSource, trustedProxies = env().TRUSTED_PROXIES): string {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").slice(-MAX_ENTRIES).map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return "unknown";
  const index = Math.max(0, entries.length - Math.max(1, trustedProxies));
  return normalizeAddress(entries[index]!) ?? "unknown";
}
