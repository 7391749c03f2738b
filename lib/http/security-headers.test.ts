// The headers' content: what a browser enforces from them.
import { describe, expect, it } from "vitest";
import { API_CONTENT_SECURITY_POLICY, commonSecurityHeaders, newNonce, pageContentSecurityPolicy } from "./security-headers";

const directives = (policy: string) => new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe("security headers", () => {
  it("page policy: scripts only with the nonce, no framing, no plugins, no eval outside development", () => {
    const production = directives(pageContentSecurityPolicy("abc123", { development: false }));
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'self'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
    expect(directives(pageContentSecurityPolicy("n", { development: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("API policy allows nothing to load or frame a response", () => {
    expect(directives(API_CONTENT_SECURITY_POLICY).get("default-src")).toEqual(["'none'"]);
    expect(directives(API_CONTENT_SECURITY_POLICY).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("nosniff, a same-origin referrer policy and no framing everywhere; HSTS in production only", () => {
    const production = Object.fromEntries(commonSecurityHeaders({ production: true }).map((h) => [h.key, h.value]));
    expect(production).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY" });
    expect(production["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(commonSecurityHeaders({ production: false }).map((h) => h.key)).not.toContain("Strict-Transport-Security");
  });

  it("makes a new nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
