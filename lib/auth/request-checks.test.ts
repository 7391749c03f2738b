// The pure request checks behind sessions: roles' order, the Origin rule for
// cookie-authenticated mutations, and the session cookie's attributes.
import { describe, expect, it } from "vitest";
import { clearedSessionCookie, isHttps, readSessionToken, sessionCookie } from "./cookies";
import { isSameOrigin, isStateChanging } from "./origin";
import { hasRole, isRole } from "./roles";

const request = (headers: Record<string, string>, url = "http://app.test/api/v1/members", method = "POST") => new Request(url, { method, headers });

describe("roles", () => {
  it("orders reviewer < manager < admin", () => {
    expect(hasRole("admin", "manager")).toBe(true);
    expect(hasRole("manager", "manager")).toBe(true);
    expect(hasRole("reviewer", "manager")).toBe(false);
    expect(hasRole("manager", "admin")).toBe(false);
    expect(isRole("owner")).toBe(false);
  });
});

describe("Origin check", () => {
  it("accepts our own origin, including through a proxy's X-Forwarded-Host", () => {
    expect(isSameOrigin(request({ origin: "http://app.test" }))).toBe(true);
    expect(isSameOrigin(request({ origin: "https://leads.example.com", "x-forwarded-host": "leads.example.com" }, "http://10.0.0.5:3000/x"))).toBe(true);
  });

  it("refuses other sites, a null origin, and requests with neither Origin nor Sec-Fetch-Site", () => {
    expect(isSameOrigin(request({ origin: "http://app.test.evil.example" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(request({}))).toBe(false);
    expect(isSameOrigin(request({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isSameOrigin(request({ "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("applies to state-changing methods only", () => {
    expect(["POST", "PUT", "PATCH", "DELETE"].every(isStateChanging)).toBe(true);
    expect(["GET", "HEAD", "OPTIONS"].some(isStateChanging)).toBe(false);
  });
});

describe("session cookie", () => {
  const token = "A".repeat(43);
  const headers = (values: Record<string, string>) => new Headers(values);

  it("is httpOnly and SameSite=Lax; over https a Secure __Host- cookie, over plain http without the prefix", () => {
    const plain = sessionCookie(token, new Date(Date.now() + 60_000), false);
    expect(plain).toMatch(new RegExp(`^lb_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=(59|60)$`));
    const secure = sessionCookie(token, new Date(Date.now() + 60_000), true);
    expect(secure).toMatch(new RegExp(`^__Host-lb_session=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=(59|60); Secure$`));
    expect(secure).not.toMatch(/Domain=/i);
    expect(clearedSessionCookie(false)).toBe("lb_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    expect(clearedSessionCookie(true)).toMatch(/^__Host-lb_session=;.*Max-Age=0; Secure$/);
  });

  it("tells https from X-Forwarded-Proto (set by the proxy, or by Next.js from the socket)", () => {
    expect(isHttps(headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttps(headers({ "x-forwarded-proto": "https, http" }))).toBe(true);
    expect(isHttps(headers({ "x-forwarded-proto": "http" }))).toBe(false);
    expect(isHttps(headers({}))).toBe(false);
  });

  it("reads only the scheme's own name: a plain cookie is ignored over https", () => {
    expect(readSessionToken(headers({ cookie: `a=1; lb_session=${token}; b=2` }))).toBe(token);
    expect(readSessionToken(headers({ cookie: `lb_session=${token}`, "x-forwarded-proto": "https" }))).toBeNull();
    expect(readSessionToken(headers({ cookie: `__Host-lb_session=${token}`, "x-forwarded-proto": "https" }))).toBe(token);
    expect(readSessionToken(headers({ cookie: `__Host-lb_session=${token}` }))).toBeNull();
  });

  it("reads a malformed or absent cookie as no session, never as an error", () => {
    for (const cookie of ["lb_session=", "lb_session=%E0%A4%A", "lb_session=abc", `lb_session=${token}x`, "lb_session", "=;;=", `lb_session="${token}"`, "lb_session=" + "%".repeat(5000)]) {
      expect(readSessionToken(headers({ cookie })), cookie).toBeNull();
    }
    expect(readSessionToken(headers({}))).toBeNull();
    // A malformed duplicate does not hide the real one.
    expect(readSessionToken(headers({ cookie: `lb_session=%%; lb_session=${token}` }))).toBe(token);
  });
});
