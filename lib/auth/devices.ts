// Devices that signed in to an account before: a browser that signs in gets a
// long-lived cookie naming a random device id, bound to the account's email by
// an HMAC with AUTH_SECRET. Failed attempts from that browser count against
// that device only (lib/auth/sign-in-limits.ts), so a stranger guessing a
// person's password from elsewhere cannot lock the person out of the browser
// they use. The cookie grants nothing else.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { readCookie, setCookie, type HeaderSource } from "./cookies";

export const DEVICE_COOKIE = "lb_device";
const DEVICE_COOKIE_DAYS = 365;

function signature(deviceId: string, email: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`device:${deviceId}:${email}`).digest("base64url");
}

/** The device id the request's cookie names for this (normalized) email, or null. */
export function knownDevice(headers: HeaderSource, email: string): string | null {
  const value = readCookie(headers, DEVICE_COOKIE);
  const [deviceId, mac, extra] = value?.split(".") ?? [];
  if (!deviceId || !mac || extra !== undefined || !/^[A-Za-z0-9_-]{22}$/.test(deviceId)) return null;
  const expected = Buffer.from(signature(deviceId, email));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

/** A Set-Cookie header marking this browser as a known device for the email (keeps its id when it had one). */
export function deviceCookie(email: string, https: boolean, deviceId: string | null): string {
  const id = deviceId ?? randomBytes(16).toString("base64url");
  return setCookie(DEVICE_COOKIE, `${id}.${signature(id, email)}`, { https, maxAgeSeconds: DEVICE_COOKIE_DAYS * 86_400 });
}
