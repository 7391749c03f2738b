// Signing in and out: a generic answer for a wrong email or password, limits
// on failed attempts stored in the database that a stranger cannot use to lock
// a person out of their own browser, Argon2 bounded and outside transactions,
// sessions that end, safe cookies, and audit rows for each outcome.
import { beforeAll, describe, expect, it } from "vitest";
import * as signInRoute from "@/app/api/auth/sign-in/route";
import * as signOutRoute from "@/app/api/auth/sign-out/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import { db } from "@/lib/db/client";
import { HASH_CONCURRENCY, hashLoad } from "@/lib/auth/passwords";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_EMAIL_AND_IP, MAX_FAILURES_PER_IP, SIGN_IN_WINDOW_MINUTES } from "@/lib/auth/sign-in-limits";
import { call } from "../support/http";

/** The device cookie a successful sign-in set, ready to send back. */
function deviceCookieFrom(response: Response): string {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("lb_device="));
  if (!cookie) throw new Error("no device cookie");
  return cookie.split(";")[0]!;
}
import { PASSWORD, signInCookie, twoWorkspaces } from "../support/people";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
beforeAll(async () => {
  world = await twoWorkspaces();
});

const signIn = (email: string, password: string, ip = "198.51.100.7", extra: Parameters<typeof call>[2] = {}) =>
  call(signInRoute.POST, "/api/auth/sign-in", { method: "POST", body: { email, password }, headers: { "x-forwarded-for": ip }, ...extra });

describe("sign-in", () => {
  it("sets an httpOnly, SameSite=Lax session cookie (Secure over https) and audits the sign-in", async () => {
    const response = await signIn("Admin@Alpha.test ", PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^lb_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const overHttps = await signIn("admin@alpha.test", PASSWORD, "198.51.100.7", { headers: { "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https" } });
    expect(overHttps.headers.getSetCookie()[0]).toMatch(/^__Host-lb_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "auth.signed_in", actorId: world.adminA.userId } })).toBe(2);
    // Only a keyed hash of the token is stored.
    const token = cookie.split(";")[0]!.split("=")[1]!;
    const stored = await db().session.findMany({ select: { tokenHash: true } });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("gives one generic answer for a wrong password and an unknown email, and audits the failure", async () => {
    const wrong = await signIn("reviewer@alpha.test", "not the password");
    const unknown = await signIn("nobody@alpha.test", "not the password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [(await wrong.json()) as { detail: string }, (await unknown.json()) as { detail: string }];
    expect(a.detail).toBe("The email or password is wrong.");
    expect(b.detail).toBe(a.detail);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "auth.sign_in_failed", targetId: world.reviewerA.userId } })).toBe(1);
    expect(await db().auditEvent.count({ where: { workspaceId: world.b.workspaceId, action: "auth.sign_in_failed" } })).toBe(0);
  });

  it("stops after 5 failures per email and IP for 15 minutes, even with the right password; other IPs still work", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL_AND_IP; i++) expect((await signIn("manager@alpha.test", `guess ${i}`, "192.0.2.50")).status).toBe(401);
    const blocked = await signIn("manager@alpha.test", PASSWORD, "192.0.2.50");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("900");
    expect(blocked.headers.get("set-cookie")).toBeNull();
    expect((await signIn("manager@alpha.test", PASSWORD, "192.0.2.51")).status).toBe(200);
    expect(await db().signInFailure.count({ where: { emailNormalized: "manager@alpha.test", ip: "192.0.2.50" } })).toBe(5);
    // The window passes: attempts are allowed again.
    await db().signInFailure.updateMany({ data: { attemptedAt: new Date(Date.now() - 16 * 60_000) } });
    expect((await signIn("manager@alpha.test", PASSWORD, "192.0.2.50")).status).toBe(200);
  });

  it("caps failures per email across IPs, so rotating a forged X-Forwarded-For does not help; the person's own browser still signs in", async () => {
    // The reviewer signed in from this browser before: it holds a device cookie.
    const before = await signIn("reviewer@beta.test", PASSWORD, "10.9.9.9");
    const device = deviceCookieFrom(before);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) expect((await signIn("reviewer@beta.test", "guess", `10.0.0.${i}`)).status).toBe(401);
    expect((await signIn("reviewer@beta.test", PASSWORD, "10.0.1.1")).status).toBe(429);
    // The attacker cannot lock the person out of the browser they use.
    const own = await signIn("reviewer@beta.test", PASSWORD, "10.0.1.1", { cookie: device });
    expect(own.status).toBe(200);
    // A device cookie made for another account, or tampered with, is a stranger's browser.
    const forged = device.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await signIn("reviewer@beta.test", PASSWORD, "10.0.1.2", { cookie: forged })).status).toBe(429);
    const otherAccount = deviceCookieFrom(await signIn("admin@beta.test", PASSWORD, "10.9.9.8"));
    expect((await signIn("reviewer@beta.test", PASSWORD, "10.0.1.3", { cookie: otherAccount })).status).toBe(429);
  });

  it("caps failures per IP across accounts (one password sprayed over many)", async () => {
    await db().signInFailure.deleteMany();
    const ip = "192.0.2.77";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) expect((await signIn(`nobody${i}@spray.test`, "Summer2026!", ip)).status).toBe(401);
    expect((await signIn("admin@alpha.test", PASSWORD, ip)).status).toBe(429);
    expect((await signIn("admin@alpha.test", PASSWORD, "192.0.2.78")).status).toBe(200);
  });

  it("lets parallel guesses through no more than the limit, and does not count refused attempts", async () => {
    await db().signInFailure.deleteMany();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn("admin@alpha.test", `parallel ${i}`, "192.0.2.90")));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL_AND_IP);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const counted = await db().signInFailure.count({ where: { ip: "192.0.2.90" } });
    expect(counted).toBe(statuses.filter((s) => s === 401).length);
  });

  it("deletes attempts older than the window as new ones come in (the table does not grow forever)", async () => {
    const old = new Date(Date.now() - (SIGN_IN_WINDOW_MINUTES + 1) * 60_000);
    await db().signInFailure.createMany({ data: Array.from({ length: 300 }, (_, i) => ({ emailNormalized: `old${i}@x.test`, ip: "192.0.2.1", attemptedAt: old })) });
    await signIn("admin@alpha.test", "wrong", "192.0.2.2");
    expect(await db().signInFailure.count({ where: { attemptedAt: { lt: new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000) } } })).toBe(0);
  });

  it("hashes at most a few passwords at once, outside transactions, and answers 401 or 503 (never 500) under a burst", async () => {
    await db().signInFailure.deleteMany();
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, hashLoad().running);
    }, 1);
    const burst = await Promise.all(Array.from({ length: 90 }, (_, i) => signIn(`burst${i}@x.test`, "wrong-password", `198.18.${Math.floor(i / 40)}.${i % 40}`)));
    clearInterval(sampler);
    const statuses = burst.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 503), JSON.stringify(statuses)).toBe(true);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(HASH_CONCURRENCY);
    for (const busy of burst.filter((r) => r.status === 503)) expect(busy.headers.get("retry-after")).toBe("5");
    expect(hashLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it("answers the sign-in form with redirects, never to another site", async () => {
    const ok = await call(signInRoute.POST, "/x", { method: "POST", form: { email: "admin@beta.test", password: PASSWORD, next: "//evil.example/x" } });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/queue");
    expect(ok.headers.get("set-cookie")).toMatch(/^lb_session=/);
    expect(ok.headers.getSetCookie().some((cookie) => cookie.startsWith("lb_device="))).toBe(true);
    for (const next of ["/\t/evil.example", "/\\evil.example", "/\n/evil.example", "https://evil.example"]) {
      const tricked = await call(signInRoute.POST, "/x", { method: "POST", form: { email: "admin@beta.test", password: PASSWORD, next } });
      expect(tricked.headers.get("location"), JSON.stringify(next)).toBe("/queue");
    }
    const kept = await call(signInRoute.POST, "/x", { method: "POST", form: { email: "admin@beta.test", password: PASSWORD, next: "/queue?status=proposed" } });
    expect(kept.headers.get("location")).toBe("/queue?status=proposed");
    const bad = await call(signInRoute.POST, "/x", { method: "POST", form: { email: "admin@beta.test", password: "nope" } });
    expect(bad.headers.get("location")).toBe("/sign-in?error=invalid");
    const crossSite = await call(signInRoute.POST, "/x", { method: "POST", origin: "https://evil.example", form: { email: "admin@beta.test", password: PASSWORD } });
    expect(crossSite.status).toBe(403);
  });
});

describe("sessions", () => {
  it("signing out ends the session in the database", async () => {
    const cookie = await signInCookie("admin@beta.test");
    expect((await call(workspacesRoute.GET, "/x", { cookie })).status).toBe(200);
    const out = await call(signOutRoute.POST, "/api/auth/sign-out", { cookie, method: "POST", headers: { accept: "text/html" } });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/sign-in");
    expect(out.headers.get("set-cookie")).toMatch(/^lb_session=;.*Max-Age=0/);
    expect((await call(workspacesRoute.GET, "/x", { cookie })).status).toBe(401);
    expect((await call(apiKeysRoute.GET, "/x", { cookie })).status).toBe(401);
  });

  it("signing in again replaces the session the browser held", async () => {
    const first = await signInCookie("admin@beta.test");
    const again = await call(signInRoute.POST, "/x", { method: "POST", cookie: first, body: { email: "admin@beta.test", password: PASSWORD } });
    expect(again.status).toBe(200);
    expect((await call(workspacesRoute.GET, "/x", { cookie: first })).status).toBe(401);
  });

  it("an expired session is signed out", async () => {
    const cookie = await signInCookie("admin@alpha.test");
    await db().session.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await call(apiKeysRoute.GET, "/x", { cookie });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("a person removed from every workspace gets 403, not someone else's workspace", async () => {
    const lonely = await db().user.create({ data: { email: "lonely@x.test", passwordHash: (await db().user.findFirstOrThrow({ where: { email: "admin@alpha.test" } })).passwordHash } });
    const lonelyCookie = await signInCookie(lonely.email);
    const response = await call(apiKeysRoute.GET, "/x", { cookie: lonelyCookie });
    expect(response.status).toBe(403);
  });
});
