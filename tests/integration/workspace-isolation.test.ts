// Nobody sees or changes what is not theirs: for every route of the accounts
// work, a member (session) or machine (API key) of workspace A gets 404 for
// workspace B's records and never B's data, and each role reaches only what it may.
import { beforeAll, describe, expect, it } from "vitest";
import * as apiKeyRoute from "@/app/api/v1/api-keys/[id]/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as memberRoute from "@/app/api/v1/members/[id]/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as switchRoute from "@/app/api/v1/session/workspace/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { call } from "../support/http";
import { signInCookie, twoWorkspaces } from "../support/people";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await twoWorkspaces();
  for (const person of [world.adminA, world.adminB, world.managerA, world.reviewerA, world.reviewerB]) {
    cookies[person.email] = await signInCookie(person.email);
  }
});

const as = (email: string) => ({ cookie: cookies[email]! });

describe("API key routes", () => {
  it("lists only the active workspace's keys, without the key or its hash", async () => {
    const response = await call(apiKeysRoute.GET, "/api/v1/api-keys", as("admin@alpha.test"));
    expect(response.status).toBe(200);
    const { apiKeys } = (await response.json()) as { apiKeys: { id: string; prefix: string; name: string; lastUsedAt: string | null }[] };
    expect(apiKeys.map((k) => k.id)).toEqual([world.a.apiKey.id]);
    expect(apiKeys[0]).toMatchObject({ name: "default", prefix: world.a.apiKey.prefix });
    expect(JSON.stringify(apiKeys)).not.toContain(world.a.apiKey.key);
    expect(JSON.stringify(apiKeys)).not.toContain(world.b.apiKey.id);
  });

  it("creates a key shown once that works for its own workspace only", async () => {
    const response = await call(apiKeysRoute.POST, "/api/v1/api-keys", { ...as("admin@alpha.test"), method: "POST", body: { name: "chatbot" } });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; key: string; prefix: string };
    expect(created.key.startsWith(created.prefix)).toBe(true);
    await expect(authenticateApiKey(`Bearer ${created.key}`)).resolves.toMatchObject({ workspaceId: world.a.workspaceId });
    const listed = await (await call(apiKeysRoute.GET, "/api/v1/api-keys", as("admin@alpha.test"))).text();
    expect(listed).toContain(created.id);
    expect(listed).not.toContain(created.key);
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "api_key.created", targetId: created.id, actorId: world.adminA.userId } })).toBe(1);
  });

  it("answers 404 when A's admin revokes B's key, and B's key keeps working", async () => {
    const response = await call(apiKeyRoute.DELETE, "/api/v1/api-keys/x", { ...as("admin@alpha.test"), method: "DELETE", params: { id: world.b.apiKey.id } });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    await expect(authenticateApiKey(`Bearer ${world.b.apiKey.key}`)).resolves.toMatchObject({ workspaceId: world.b.workspaceId });
    const garbage = await call(apiKeyRoute.DELETE, "/api/v1/api-keys/x", { ...as("admin@alpha.test"), method: "DELETE", params: { id: "not-a-uuid" } });
    expect(garbage.status).toBe(404);
  });

  it("revokes its own key: the key then answers 401, and the revocation is audited", async () => {
    const created = (await (await call(apiKeysRoute.POST, "/api/v1/api-keys", { ...as("admin@alpha.test"), method: "POST", body: { name: "old" } })).json()) as { id: string; key: string };
    const response = await call(apiKeyRoute.DELETE, "/api/v1/api-keys/x", { ...as("admin@alpha.test"), method: "DELETE", params: { id: created.id } });
    expect(response.status).toBe(204);
    const withRevoked = await call(apiKeysRoute.GET, "/api/v1/api-keys", { key: created.key });
    expect(withRevoked.status).toBe(401);
    expect(withRevoked.headers.get("content-type")).toBe("application/problem+json");
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "api_key.revoked", targetId: created.id } })).toBe(1);
  });

  it("refuses managers, reviewers and API keys (403), and anonymous callers (401)", async () => {
    for (const email of ["manager@alpha.test", "reviewer@alpha.test"]) {
      expect((await call(apiKeysRoute.GET, "/api/v1/api-keys", as(email))).status).toBe(403);
      expect((await call(apiKeysRoute.POST, "/api/v1/api-keys", { ...as(email), method: "POST", body: { name: "x" } })).status).toBe(403);
      expect((await call(apiKeyRoute.DELETE, "/x", { ...as(email), method: "DELETE", params: { id: world.a.apiKey.id } })).status).toBe(403);
    }
    // A leaked machine key cannot mint or revoke keys.
    expect((await call(apiKeysRoute.GET, "/api/v1/api-keys", { key: world.a.apiKey.key })).status).toBe(403);
    expect((await call(apiKeysRoute.POST, "/api/v1/api-keys", { key: world.a.apiKey.key, method: "POST", body: { name: "x" } })).status).toBe(403);
    expect((await call(apiKeyRoute.DELETE, "/x", { key: world.a.apiKey.key, method: "DELETE", params: { id: world.b.apiKey.id } })).status).toBe(403);
    expect((await call(apiKeysRoute.GET, "/api/v1/api-keys")).status).toBe(401);
    expect((await call(apiKeysRoute.GET, "/api/v1/api-keys", { key: "lb_unknown" })).status).toBe(401);
    expect(await db().apiKey.count({ where: { workspaceId: world.a.workspaceId, name: "x" } })).toBe(0);
  });
});

describe("member routes", () => {
  it("lists only the active workspace's members", async () => {
    const response = await call(membersRoute.GET, "/api/v1/members", as("admin@alpha.test"));
    const { members } = (await response.json()) as { members: { email: string; role: string }[] };
    expect(members.map((m) => `${m.email}:${m.role}`).sort()).toEqual(["admin@alpha.test:admin", "manager@alpha.test:manager", "reviewer@alpha.test:reviewer"]);
  });

  it("adds a new person with an initial password, who can then sign in to that workspace only", async () => {
    const response = await call(membersRoute.POST, "/api/v1/members", { ...as("admin@alpha.test"), method: "POST", body: { email: "New@Alpha.test", role: "reviewer", password: "a-long-initial-password" } });
    expect(response.status).toBe(201);
    const cookie = await signInCookie("new@alpha.test", "a-long-initial-password");
    const mine = (await (await call(workspacesRoute.GET, "/api/v1/workspaces", { cookie })).json()) as { workspaces: { id: string }[] };
    expect(mine.workspaces.map((w) => w.id)).toEqual([world.a.workspaceId]);
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "member.added" } })).toBeGreaterThanOrEqual(1);
  });

  it("answers 404 when A's admin changes or removes B's member, and B's member is untouched", async () => {
    const patch = await call(memberRoute.PATCH, "/x", { ...as("admin@alpha.test"), method: "PATCH", params: { id: world.reviewerB.membershipId }, body: { role: "admin" } });
    expect(patch.status).toBe(404);
    const remove = await call(memberRoute.DELETE, "/x", { ...as("admin@alpha.test"), method: "DELETE", params: { id: world.adminB.membershipId } });
    expect(remove.status).toBe(404);
    const rows = await db().membership.findMany({ where: { workspaceId: world.b.workspaceId }, select: { role: true } });
    expect(rows.map((r) => r.role).sort()).toEqual(["admin", "reviewer"]);
  });

  it("changes roles and removes members, audited, but never the last admin", async () => {
    const promote = await call(memberRoute.PATCH, "/x", { ...as("admin@alpha.test"), method: "PATCH", params: { id: world.reviewerA.membershipId }, body: { role: "manager" } });
    expect(promote.status).toBe(200);
    expect(await db().auditEvent.findFirst({ where: { action: "member.role_changed", targetId: world.reviewerA.membershipId }, select: { before: true, after: true } })).toMatchObject({
      before: { role: "reviewer" },
      after: { role: "manager" },
    });
    const back = await call(memberRoute.PATCH, "/x", { ...as("admin@alpha.test"), method: "PATCH", params: { id: world.reviewerA.membershipId }, body: { role: "reviewer" } });
    expect(back.status).toBe(200);
    const demoteSelf = await call(memberRoute.PATCH, "/x", { ...as("admin@alpha.test"), method: "PATCH", params: { id: world.adminA.membershipId }, body: { role: "manager" } });
    expect(demoteSelf.status).toBe(409);
    const removeSelf = await call(memberRoute.DELETE, "/x", { ...as("admin@alpha.test"), method: "DELETE", params: { id: world.adminA.membershipId } });
    expect(removeSelf.status).toBe(409);
  });

  it("refuses managers, reviewers and API keys", async () => {
    for (const options of [as("manager@alpha.test"), as("reviewer@alpha.test"), { key: world.a.apiKey.key }]) {
      expect((await call(membersRoute.GET, "/x", options)).status).toBe(403);
      expect((await call(membersRoute.POST, "/x", { ...options, method: "POST", body: { email: "x@alpha.test", role: "admin", password: "0123456789ab" } })).status).toBe(403);
      expect((await call(memberRoute.PATCH, "/x", { ...options, method: "PATCH", params: { id: world.managerA.membershipId }, body: { role: "admin" } })).status).toBe(403);
      expect((await call(memberRoute.DELETE, "/x", { ...options, method: "DELETE", params: { id: world.adminA.membershipId } })).status).toBe(403);
    }
    expect(await db().user.count({ where: { email: "x@alpha.test" } })).toBe(0);
    expect((await db().membership.findUniqueOrThrow({ where: { id: world.managerA.membershipId } })).role).toBe("manager");
  });
});

describe("workspace switching", () => {
  it("switches only to a workspace the person belongs to; data routes then follow the active workspace", async () => {
    // Beta's admin joins Alpha as a reviewer: two workspaces, two roles.
    await db().membership.create({ data: { workspaceId: world.a.workspaceId, userId: world.adminB.userId, role: "reviewer" } });
    const cookie = await signInCookie("admin@beta.test");
    const listed = (await (await call(workspacesRoute.GET, "/api/v1/workspaces", { cookie })).json()) as { activeWorkspaceId: string; workspaces: { id: string; role: string }[] };
    expect(listed.activeWorkspaceId).toBe(world.b.workspaceId);
    expect(listed.workspaces).toEqual([
      { id: world.b.workspaceId, name: "Beta Cars", role: "admin" },
      { id: world.a.workspaceId, name: "Alpha Solar", role: "reviewer" },
    ]);
    expect((await call(apiKeysRoute.GET, "/x", { cookie })).status).toBe(200);

    const switched = await call(switchRoute.PUT, "/api/v1/session/workspace", { cookie, method: "PUT", body: { workspaceId: world.a.workspaceId } });
    expect(switched.status).toBe(200);
    // Now a reviewer in Alpha: admin routes refuse, whatever the role in Beta.
    expect((await call(apiKeysRoute.GET, "/x", { cookie })).status).toBe(403);
    expect((await call(memberRoute.DELETE, "/x", { cookie, method: "DELETE", params: { id: world.reviewerB.membershipId } })).status).toBe(403);
  });

  it("answers 404 for a workspace the person does not belong to, and 401 when signed out", async () => {
    const response = await call(switchRoute.PUT, "/x", { ...as("reviewer@alpha.test"), method: "PUT", body: { workspaceId: world.b.workspaceId } });
    expect(response.status).toBe(404);
    const mine = (await (await call(workspacesRoute.GET, "/x", as("reviewer@alpha.test"))).json()) as { activeWorkspaceId: string };
    expect(mine.activeWorkspaceId).toBe(world.a.workspaceId);
    expect((await call(switchRoute.PUT, "/x", { method: "PUT", body: { workspaceId: world.a.workspaceId } })).status).toBe(401);
    expect((await call(workspacesRoute.GET, "/x", { key: world.a.apiKey.key })).status).toBe(401);
  });

  it("refuses a cross-site switch (Origin of another site, or none)", async () => {
    const evil = await call(switchRoute.PUT, "/x", { ...as("admin@beta.test"), method: "PUT", origin: "https://evil.example", body: { workspaceId: world.b.workspaceId } });
    expect(evil.status).toBe(403);
    const bare = await call(apiKeysRoute.POST, "/x", { ...as("admin@alpha.test"), method: "POST", origin: null, body: { name: "csrf" } });
    expect(bare.status).toBe(403);
    expect(await db().apiKey.count({ where: { name: "csrf" } })).toBe(0);
  });

  it("a tab still showing the workspace switched away from cannot act in the new one (409, nothing written)", async () => {
    const cookie = await signInCookie("admin@beta.test");
    await call(switchRoute.PUT, "/x", { cookie, method: "PUT", body: { workspaceId: world.b.workspaceId } });
    // Tab 1 was rendered for Beta; tab 2 switches the session to Alpha.
    const tabOne = world.b.workspaceId;
    expect((await call(switchRoute.PUT, "/x", { cookie, method: "PUT", body: { workspaceId: world.a.workspaceId } })).status).toBe(200);
    const stale = await call(apiKeysRoute.POST, "/x", { cookie, method: "POST", workspace: tabOne, body: { name: "stale-tab" } });
    expect(stale.status).toBe(409);
    expect(await db().apiKey.count({ where: { name: "stale-tab" } })).toBe(0);
    const staleRemove = await call(memberRoute.DELETE, "/x", { cookie, method: "DELETE", workspace: tabOne, params: { id: world.reviewerB.membershipId } });
    expect(staleRemove.status).toBe(409);
    expect(await db().membership.count({ where: { id: world.reviewerB.membershipId } })).toBe(1);
  });
});
