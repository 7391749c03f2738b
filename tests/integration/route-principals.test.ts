// withWorkspace's contract for every route other branches add: a principal is
// an API key or a session, `principal.workspaceId` is the only workspace a
// handler sees, and `{ role }` turns lower roles (and keys, unless allowed) away.
import { beforeAll, describe, expect, it } from "vitest";
import { withWorkspace, type Principal } from "@/lib/http/route";
import { call } from "../support/http";
import { signInCookie, twoWorkspaces } from "../support/people";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  world = await twoWorkspaces();
  for (const email of ["admin@alpha.test", "manager@alpha.test", "reviewer@alpha.test", "admin@beta.test"]) cookies[email] = await signInCookie(email);
});

const echo = async (_request: Request, { principal }: { principal: Principal }) => Response.json(principal);
const anyone = withWorkspace(echo);
const managers = withWorkspace(echo, { role: "manager" });
const managersAndKeys = withWorkspace(echo, { role: "manager", callers: "any" });
const keysOnly = withWorkspace(echo, { callers: "api_keys" });

describe("withWorkspace", () => {
  it("gives a key's handler its own workspace, and a session's handler the active workspace with the role", async () => {
    expect(await (await call(anyone, "/x", { key: world.b.apiKey.key })).json()).toMatchObject({ kind: "api_key", workspaceId: world.b.workspaceId, apiKeyId: world.b.apiKey.id });
    expect(await (await call(anyone, "/x", { cookie: cookies["reviewer@alpha.test"] })).json()).toMatchObject({
      kind: "member",
      workspaceId: world.a.workspaceId,
      userId: world.reviewerA.userId,
      role: "reviewer",
    });
  });

  it("answers 401 problem+json with no credentials, an unknown key or a forged cookie", async () => {
    for (const options of [{}, { key: "lb_forged" }, { cookie: "lb_session=forged" }]) {
      const response = await call(anyone, "/x", options);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("with { role: 'manager' }: 403 for reviewers and keys, 200 for managers and admins", async () => {
    const reviewer = await call(managers, "/x", { cookie: cookies["reviewer@alpha.test"] });
    expect(reviewer.status).toBe(403);
    expect(((await reviewer.json()) as { detail: string }).detail).toMatch(/manager role/);
    expect((await call(managers, "/x", { key: world.a.apiKey.key })).status).toBe(403);
    expect((await call(managers, "/x", { cookie: cookies["manager@alpha.test"] })).status).toBe(200);
    expect((await call(managers, "/x", { cookie: cookies["admin@alpha.test"] })).status).toBe(200);
    expect((await call(managersAndKeys, "/x", { key: world.a.apiKey.key })).status).toBe(200);
    expect((await call(managersAndKeys, "/x", { cookie: cookies["reviewer@alpha.test"] })).status).toBe(403);
  });

  it("with { callers: 'api_keys' }: people get 403", async () => {
    expect((await call(keysOnly, "/x", { cookie: cookies["admin@alpha.test"] })).status).toBe(403);
    expect((await call(keysOnly, "/x", { key: world.a.apiKey.key })).status).toBe(200);
  });

  it("checks Origin only for cookie-authenticated mutations: keys need none, reads need none", async () => {
    expect((await call(anyone, "/x", { method: "POST", key: world.a.apiKey.key, origin: null, body: {} })).status).toBe(200);
    expect((await call(anyone, "/x", { cookie: cookies["admin@alpha.test"], origin: "https://evil.example" })).status).toBe(200);
    expect((await call(anyone, "/x", { method: "DELETE", cookie: cookies["admin@alpha.test"], origin: "https://evil.example" })).status).toBe(403);
    // Without Origin, the browser's Sec-Fetch-Site decides.
    expect((await call(anyone, "/x", { method: "POST", cookie: cookies["admin@alpha.test"], origin: null, headers: { "sec-fetch-site": "same-origin" }, body: {} })).status).toBe(200);
    expect((await call(anyone, "/x", { method: "POST", cookie: cookies["admin@alpha.test"], origin: null, headers: { "sec-fetch-site": "cross-site" }, body: {} })).status).toBe(403);
  });

  it("acts only in the workspace the page was rendered for: 409 on a mismatch, 400 for a mutation that does not say", async () => {
    const admin = cookies["admin@alpha.test"];
    const mismatch = await call(anyone, "/x", { method: "POST", cookie: admin, workspace: world.b.workspaceId, body: {} });
    expect(mismatch.status).toBe(409);
    expect(mismatch.headers.get("content-type")).toBe("application/problem+json");
    expect(await mismatch.json()).toMatchObject({ status: 409, code: "workspace_mismatch" });
    // Reads are checked too when they say which workspace (a stale tab's polling).
    expect((await call(anyone, "/x", { cookie: admin, workspace: world.b.workspaceId })).status).toBe(409);
    expect((await call(anyone, "/x", { cookie: admin, workspace: null })).status).toBe(200);
    const unnamed = await call(anyone, "/x", { method: "POST", cookie: admin, workspace: null, body: {} });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toMatchObject({ code: "workspace_required" });
    expect((await call(anyone, "/x", { method: "POST", cookie: admin, workspace: world.a.workspaceId, body: {} })).status).toBe(200);
    // An API key has one workspace: the header is neither needed nor believed.
    expect((await call(anyone, "/x", { method: "POST", key: world.a.apiKey.key, workspace: world.b.workspaceId, body: {} })).status).toBe(200);
  });
});
