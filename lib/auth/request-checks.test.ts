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
  it("is httpOnly and SameSite=Lax, Secure only over https", () => {
    const cookie = sessionCookie("tok", new Date(Date.now() + 60_000), false);
    expect(cookie).toMatch(/^lb_session=tok; Path=\/; HttpOnly; SameSite=Lax; Max-Age=(59|60)$/);
    expect(sessionCookie("tok", new Date(Date.now() + 60_000), true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toContain("Max-Age=0");
    expect(isHttps(request({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttps(request({}, "https://app.test/x"))).toBe(true);
    expect(isHttps(request({}))).toBe(false);
  });

  it("is read from a Cookie header among others", () => {
    expect(readSessionToken("a=1; lb_session=abc%3D; b=2")).toBe("abc=");
    expect(readSessionToken("lb_session=")).toBeNull();
    expect(readSessionToken(null)).toBeNull();
  });
});
