// Accounts as issue 12 asks: people join by invitation and set their own
// password (an admin never chooses one), an existing account's membership is
// pending until that person accepts it with their own sign-in, inviting says
// nothing about accounts outside the workspace, invitations are emailed when
// SMTP is configured (a local SMTP server here), passwords change and reset by
// one-time link, and either ends every session of the person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/auth/invitations/accept/route";
import * as passwordRoute from "@/app/api/auth/password/route";
import * as resetCompleteRoute from "@/app/api/auth/password-reset/complete/route";
import * as resetRoute from "@/app/api/auth/password-reset/route";
import * as renewRoute from "@/app/api/v1/invitations/[id]/renew/route";
import * as invitationRoute from "@/app/api/v1/invitations/[id]/route";
import * as invitationsRoute from "@/app/api/v1/invitations/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { issuePasswordResetLink } from "@/lib/auth/password-changes";
import { db } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";
import { invitationForToken } from "@/lib/workspaces/invitations";
import { startFakeSmtp, type FakeSmtp } from "../fakes/smtp-server";
import { call, sessionCookieFrom } from "../support/http";
import { PASSWORD, signInCookie, twoWorkspaces } from "../support/people";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let adminA: string;
let adminB: string;
beforeAll(async () => {
  world = await twoWorkspaces();
  adminA = await signInCookie("admin@alpha.test");
  adminB = await signInCookie("admin@beta.test");
});

type Issued = { invitation: { id: string; email: string; role: string; expiresAt: string; expired: boolean }; path: string; emailed: boolean };

async function invite(cookie: string, email: string, role = "reviewer"): Promise<Issued> {
  const response = await call(invitationsRoute.POST, "/api/v1/invitations", { cookie, method: "POST", body: { email, role } });
  expect(response.status).toBe(201);
  return (await response.json()) as Issued;
}

const tokenOf = (path: string) => path.split("/").pop()!;

function accept(token: string, form: Record<string, string> = {}, cookie?: string) {
  return call(acceptRoute.POST, "/api/auth/invitations/accept", { method: "POST", form: { token, ...form }, cookie });
}

async function workspacesOf(cookie: string): Promise<string[]> {
  const response = await call(workspacesRoute.GET, "/x", { cookie });
  if (response.status !== 200) return [];
  return ((await response.json()) as { workspaces: { id: string }[] }).workspaces.map((w) => w.id);
}

async function canSignIn(email: string, password: string): Promise<boolean> {
  try {
    await signInCookie(email, password, "198.51.100.200");
    return true;
  } catch {
    return false;
  }
}

describe("invitations", () => {
  it("a new person sets their own password through the one-time link and joins that workspace only", async () => {
    const issued = await invite(adminA, "New.Person@Example.test");
    expect(issued).toMatchObject({ emailed: false, invitation: { email: "new.person@example.test", role: "reviewer", expired: false } });
    expect(issued.path).toMatch(/^\/invitations\/[\w-]{43}$/);
    // Pending: not a member yet, and no account exists.
    expect(await db().user.count({ where: { email: "new.person@example.test" } })).toBe(0);
    const token = tokenOf(issued.path);
    expect(await invitationForToken(token)).toMatchObject({ workspaceName: "Alpha Solar", email: "new.person@example.test", role: "reviewer", state: "pending" });

    const tooShort = await accept(token, { password: "short" });
    expect(tooShort.headers.get("location")).toBe(`/invitations/${token}?error=password`);
    const joined = await accept(token, { password: "my-own-password-1", name: "New Person" });
    expect(joined.status).toBe(303);
    expect(joined.headers.get("location")).toBe("/queue");
    const cookie = sessionCookieFrom(joined);
    expect(await workspacesOf(cookie)).toEqual([world.a.workspaceId]);
    expect(await canSignIn("new.person@example.test", "my-own-password-1")).toBe(true);
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "member.joined" } })).toBe(1);

    // One time only.
    const again = await accept(token, { password: "another-password-2" });
    expect(again.headers.get("location")).toBe(`/invitations/${token}?error=invitation_invalid`);
    expect(await invitationForToken(token)).toMatchObject({ state: "closed" });
    expect(await canSignIn("new.person@example.test", "another-password-2")).toBe(false);
  });

  it("an admin cannot choose a member's password: the old call is refused, naming the field, and creates nothing", async () => {
    const response = await call(invitationsRoute.POST, "/x", { cookie: adminA, method: "POST", body: { email: "chosen@example.test", role: "admin", password: "admin-chosen-password" } });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["password"]);
    expect("POST" in membersRoute).toBe(false);
    expect(await db().user.count({ where: { email: "chosen@example.test" } })).toBe(0);
    expect(await db().invitation.count({ where: { email: "chosen@example.test" } })).toBe(0);
    expect(await canSignIn("chosen@example.test", "admin-chosen-password")).toBe(false);
  });

  it("inviting tells an admin nothing about accounts outside the workspace", async () => {
    // admin@beta.test has an account (in Beta); fresh@example.test has none.
    const existing = await call(invitationsRoute.POST, "/x", { cookie: adminA, method: "POST", body: { email: "admin@beta.test", role: "reviewer" } });
    const fresh = await call(invitationsRoute.POST, "/x", { cookie: adminA, method: "POST", body: { email: "fresh@example.test", role: "reviewer" } });
    expect(existing.status).toBe(fresh.status);
    const [a, b] = [(await existing.json()) as Issued, (await fresh.json()) as Issued];
    const shape = (issued: Issued) => ({ keys: Object.keys(issued).sort(), invitation: Object.keys(issued.invitation).sort(), emailed: issued.emailed, role: issued.invitation.role, expired: issued.invitation.expired });
    expect(shape(a)).toEqual(shape(b));
    const members = (await (await call(membersRoute.GET, "/x", { cookie: adminA })).json()) as { members: { email: string }[]; invitations: { email: string }[] };
    expect(members.members.map((m) => m.email)).not.toContain("admin@beta.test");
    expect(members.invitations.map((i) => i.email)).toEqual(expect.arrayContaining(["admin@beta.test", "fresh@example.test"]));
    // Nothing in Alpha's answers mentions Beta.
    expect(JSON.stringify(members)).not.toContain("Beta");
  });

  it("an existing account's membership stays pending until that person signs in and accepts; the link cannot set their password", async () => {
    const issued = await invite(adminA, "reviewer@beta.test", "manager");
    const token = tokenOf(issued.path);
    // Whoever holds the link (the admin who copied it) cannot take the account over.
    const takeover = await accept(token, { password: "admin-chosen-password" });
    expect(takeover.headers.get("location")).toBe(`/invitations/${token}?error=account_exists`);
    expect(await canSignIn("reviewer@beta.test", "admin-chosen-password")).toBe(false);
    expect(await db().membership.count({ where: { workspaceId: world.a.workspaceId, userId: world.reviewerB.userId } })).toBe(0);
    expect(await invitationForToken(token)).toMatchObject({ state: "pending" });

    // Someone else signed in cannot accept it for them.
    const wrongPerson = await accept(token, {}, adminB);
    expect(wrongPerson.headers.get("location")).toBe(`/invitations/${token}?error=invitation_for_another_email`);

    // The person, signed in with their own password, accepts: Alpha becomes active.
    const cookie = await signInCookie("reviewer@beta.test");
    const accepted = await accept(token, {}, cookie);
    expect(accepted.headers.get("location")).toBe("/queue");
    expect(accepted.headers.get("set-cookie")).toBeNull();
    expect(await workspacesOf(cookie)).toEqual([world.b.workspaceId, world.a.workspaceId]);
    const active = (await (await call(workspacesRoute.GET, "/x", { cookie })).json()) as { activeWorkspaceId: string };
    expect(active.activeWorkspaceId).toBe(world.a.workspaceId);
    expect((await db().membership.findFirstOrThrow({ where: { workspaceId: world.a.workspaceId, userId: world.reviewerB.userId } })).role).toBe("manager");
    expect(await canSignIn("reviewer@beta.test", PASSWORD)).toBe(true);
  });

  it("a new link replaces the old one; a revoked invitation's link stops working", async () => {
    const first = await invite(adminA, "renewed@example.test");
    const renewed = await call(renewRoute.POST, "/x", { cookie: adminA, method: "POST", params: { id: first.invitation.id } });
    expect(renewed.status).toBe(200);
    const second = (await renewed.json()) as Issued;
    expect(second.path).not.toBe(first.path);
    expect(await invitationForToken(tokenOf(first.path))).toBeNull();
    // Inviting the same email again also replaces the link (one pending invitation per email).
    const third = await invite(adminA, "renewed@example.test", "manager");
    expect(third.invitation.id).toBe(first.invitation.id);
    expect(await invitationForToken(tokenOf(second.path))).toBeNull();

    const revoked = await call(invitationRoute.DELETE, "/x", { cookie: adminA, method: "DELETE", params: { id: first.invitation.id } });
    expect(revoked.status).toBe(204);
    const late = await accept(tokenOf(third.path), { password: "my-own-password-1" });
    expect(late.headers.get("location")).toBe(`/invitations/${tokenOf(third.path)}?error=invitation_invalid`);
    expect(await db().user.count({ where: { email: "renewed@example.test" } })).toBe(0);
  });

  it("an expired invitation cannot be accepted", async () => {
    const issued = await invite(adminA, "late@example.test");
    await db().invitation.update({ where: { id: issued.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await invitationForToken(tokenOf(issued.path))).toMatchObject({ state: "expired" });
    const response = await accept(tokenOf(issued.path), { password: "my-own-password-1" });
    expect(response.headers.get("location")).toContain("error=invitation_invalid");
    expect(await db().user.count({ where: { email: "late@example.test" } })).toBe(0);
  });
});

describe("changing a password", () => {
  it("needs the current password, ends every session of the person, and keeps this browser signed in", async () => {
    const email = "manager@alpha.test";
    const here = await signInCookie(email);
    const elsewhere = await signInCookie(email, PASSWORD, "198.51.100.9");
    const wrong = await call(passwordRoute.PUT, "/api/auth/password", { cookie: here, method: "PUT", body: { currentPassword: "not it", newPassword: "a-new-password-9" } });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe("currentPassword");
    const short = await call(passwordRoute.PUT, "/x", { cookie: here, method: "PUT", body: { currentPassword: PASSWORD, newPassword: "short" } });
    expect(short.status).toBe(422);

    const changed = await call(passwordRoute.PUT, "/x", { cookie: here, method: "PUT", body: { currentPassword: PASSWORD, newPassword: "a-new-password-9" } });
    expect(changed.status).toBe(200);
    const fresh = sessionCookieFrom(changed);
    expect(await workspacesOf(here)).toEqual([]);
    expect(await workspacesOf(elsewhere)).toEqual([]);
    expect(await workspacesOf(fresh)).toEqual([world.a.workspaceId]);
    expect(await canSignIn(email, PASSWORD)).toBe(false);
    expect(await canSignIn(email, "a-new-password-9")).toBe(true);
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "auth.password_changed", actorId: world.managerA.userId } })).toBe(1);
  });
});

describe("with SMTP configured", () => {
  let smtp: FakeSmtp;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    process.env.SMTP_URL = smtp.url;
    process.env.APP_URL = "https://leads.example.test";
    process.env.MAIL_FROM = "LeadBridge <no-reply@example.test>";
    reloadEnv();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.APP_URL;
    delete process.env.MAIL_FROM;
    reloadEnv();
    await smtp.close();
  });

  it("emails the invitation with a link to APP_URL that works", async () => {
    const issued = await invite(adminA, "mailed@example.test");
    expect(issued.emailed).toBe(true);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(["mailed@example.test"]);
    expect(mail!.from).toBe("no-reply@example.test");
    expect(mail!.subject).toContain("Alpha Solar");
    expect(mail!.text).toContain(`https://leads.example.test${issued.path}`);
    const joined = await accept(tokenOf(issued.path), { password: "mailed-password-1" });
    expect(joined.headers.get("location")).toBe("/queue");
  });

  it("a reset request answers the same for any email, emails only an account's owner, and the link works once", async () => {
    smtp.messages.length = 0;
    const known = await call(resetRoute.POST, "/api/auth/password-reset", { method: "POST", form: { email: "Reviewer@Alpha.test" } });
    const unknown = await call(resetRoute.POST, "/api/auth/password-reset", { method: "POST", form: { email: "nobody@alpha.test" } });
    expect(known.status).toBe(303);
    expect(known.headers.get("location")).toBe("/password-reset?sent=1");
    expect(unknown.headers.get("location")).toBe(known.headers.get("location"));
    const [mail] = await smtp.waitFor(1);
    // Give a wrongly sent second email the time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages.map((m) => m.to)).toEqual([["reviewer@alpha.test"]]);
    const link = /https:\/\/leads\.example\.test(\/password-reset\/[\w-]{43})/.exec(mail!.text)?.[1];
    expect(link).toBeDefined();

    const before = await signInCookie("reviewer@alpha.test");
    const done = await call(resetCompleteRoute.POST, "/x", { method: "POST", form: { token: tokenOf(link!), password: "reset-password-77" } });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/queue");
    expect(await workspacesOf(sessionCookieFrom(done))).toEqual([world.a.workspaceId]);
    expect(await workspacesOf(before)).toEqual([]);
    expect(await canSignIn("reviewer@alpha.test", "reset-password-77")).toBe(true);
    const reused = await call(resetCompleteRoute.POST, "/x", { method: "POST", form: { token: tokenOf(link!), password: "reset-password-88" } });
    expect(reused.headers.get("location")).toBe("/password-reset?error=link");
    expect(await canSignIn("reviewer@alpha.test", "reset-password-88")).toBe(false);
  });

  it("a forged Host header cannot redirect a reset link: links come from APP_URL", async () => {
    smtp.messages.length = 0;
    // The attacker asks for the victim's reset with their own host in every header the request has.
    const response = await call(resetRoute.POST, "/x", { method: "POST", form: { email: "admin@alpha.test" }, headers: { host: "evil.example", "x-forwarded-host": "evil.example" }, origin: "http://evil.example" });
    expect(response.headers.get("location")).toBe("/password-reset?sent=1");
    const [mail] = await smtp.waitFor(1);
    expect(mail!.text).not.toContain("evil.example");
    expect(mail!.text).toContain("https://leads.example.test/password-reset/");
  });
});

describe("an operator's reset link", () => {
  it("works for an account without email, and says when there is no such account", async () => {
    const { path } = await issuePasswordResetLink("admin@beta.test");
    const done = await call(resetCompleteRoute.POST, "/x", { method: "POST", form: { token: tokenOf(path), password: "operator-reset-1" } });
    expect(done.headers.get("location")).toBe("/queue");
    expect(await canSignIn("admin@beta.test", "operator-reset-1")).toBe(true);
    await expect(issuePasswordResetLink("nobody@example.test")).rejects.toMatchObject({ code: "not_found" });
  });
});
