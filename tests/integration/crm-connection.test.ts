// Settings -> CRM and crm:connect: a workspace connects its own HubSpot account
// (two fake accounts behind one HUBSPOT_BASE_URL, as HubSpot is). The token is
// tested with a real read call, stored only if HubSpot accepts it, sealed so the
// database alone cannot give it back, and never shown again; a wrong token is
// refused in HubSpot's words and stores nothing; `internal` goes back.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import * as connectionRoute from "@/app/api/v1/crm/connection/route";
import * as testRoute from "@/app/api/v1/crm/connection/test/route";
import * as mappingRoute from "@/app/api/v1/crm/mapping/route";
import * as previewRoute from "@/app/api/v1/crm/mapping/preview/route";
import { crmAccountKeyFor, crmAdapterFor, crmSystemFor } from "@/lib/crm/adapters";
import { db } from "@/lib/db/client";
import { resealCrmTokens } from "@/lib/crm/connections";
import { LOCAL_ENCRYPTION_KEY, reloadEnv } from "@/lib/env";
import { open, sealedWith, secretKey } from "@/lib/secrets/secret-box";
import { openingKeys } from "@/lib/secrets/keys";
import { FakeHubSpotAccounts } from "@/tests/fakes/hubspot-accounts";
import { withFakeHubSpot } from "@/tests/support/hubspot";
import { call } from "@/tests/support/http";
import { signInCookie, twoWorkspaces } from "@/tests/support/people";

const TOKEN_A = "pat-na1-aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa";
const TOKEN_B = "pat-eu1-bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb";
const hubspot = new FakeHubSpotAccounts();
const accountA = hubspot.addAccount({ accessToken: TOKEN_A, portalId: 4410001, portalName: "Alpha Solar", timeZone: "America/Sao_Paulo", rateLimit: { limit: 190, windowMs: 10_000 }, dailyLimit: 1_000_000 });
const accountB = hubspot.addAccount({ accessToken: TOKEN_B, portalId: 4420002, portalName: "Beta Cars", timeZone: "America/Mexico_City", uiDomain: "app-eu1.hubspot.com" });
let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let adminA: string;

const run = promisify(execFile);
async function crmConnect(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node_modules/.bin/tsx", ["scripts/crm-connect.ts", ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const put = (cookie: string, body: unknown) => call(connectionRoute.PUT, "/api/v1/crm/connection", { method: "PUT", cookie, body });
const rawSealed = async (workspaceId: string) =>
  (await db().$queryRaw<{ access_token_sealed: string }[]>`SELECT access_token_sealed FROM crm_connections WHERE workspace_id = ${workspaceId}::uuid`)[0]?.access_token_sealed;

withFakeHubSpot(hubspot);

beforeAll(async () => {
  world = await twoWorkspaces();
  adminA = await signInCookie("admin@alpha.test");
});


describe("connecting a workspace's own HubSpot account", () => {
  it("refuses a wrong token in HubSpot's words and stores nothing", async () => {
    const response = await put(adminA, { provider: "hubspot", accessToken: "pat-na1-wrong-token-0000" });
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toEqual([{ path: "accessToken", message: expect.stringMatching(/HubSpot refused the access token \(HTTP 401\): Authentication credentials not found/) }]);
    expect(await db().crmConnection.count()).toBe(0);
    expect(await crmSystemFor(world.a.workspaceId)).toBe("internal");
    expect(hubspot.refused.length).toBeGreaterThan(0);
  });

  it("tests a token before storing it, then connects: the account, its limits, never the token", async () => {
    const tested = await call(testRoute.POST, "/x", { method: "POST", cookie: adminA, body: { provider: "hubspot", accessToken: TOKEN_A } });
    expect(await tested.json()).toEqual({
      ok: true,
      account: { provider: "hubspot", accountId: "4410001", name: "Alpha Solar", timeZone: "America/Sao_Paulo", uiDomain: "app.hubspot.com", limits: { requestsPer10s: 190, dailyLimit: 1_000_000, dailyRemaining: expect.any(Number) } },
    });
    expect(await db().crmConnection.count()).toBe(0);

    const response = await put(adminA, { provider: "hubspot", accessToken: TOKEN_A });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(TOKEN_A);
    expect(JSON.parse(text).connection).toMatchObject({ provider: "hubspot", account: { accountId: "4410001", name: "Alpha Solar" }, limits: { requestsPer10s: 190 }, connectedBy: "admin@alpha.test" });
    expect(await crmSystemFor(world.a.workspaceId)).toBe("hubspot");
    expect(await crmSystemFor(world.b.workspaceId)).toBe("internal");

    const view = await (await call(connectionRoute.GET, "/x", { cookie: adminA })).text();
    expect(view).not.toContain(TOKEN_A);
    expect(view).not.toContain("aaaaaaaa");
    const audit = await db().auditEvent.findMany({ where: { workspaceId: world.a.workspaceId, action: { startsWith: "crm." } } });
    expect(audit.map((event) => event.action)).toEqual(["crm.connected"]);
    expect(JSON.stringify(audit)).not.toContain("aaaaaaaa");
  });

  it("keeps the token sealed: the database alone does not give it back", async () => {
    const sealed = await rawSealed(world.a.workspaceId);
    expect(sealed).toBeDefined();
    expect(sealed).not.toContain("pat-na1");
    expect(sealed).not.toContain("aaaaaaaa");
    const context = `crm_connection:${world.a.workspaceId}`;
    expect(open(sealed!, openingKeys(), context)).toBe(TOKEN_A);
    expect(() => open(sealed!, [secretKey(randomBytes(32).toString("base64"))], context)).toThrow();
    // Copied onto another workspace's row, it does not open either.
    expect(() => open(sealed!, openingKeys(), `crm_connection:${world.b.workspaceId}`)).toThrow(/altered or belongs elsewhere/);
  });

  it("tests the stored connection again, and reports a failure in HubSpot's words", async () => {
    const tested = await call(testRoute.POST, "/x", { method: "POST", cookie: adminA, body: {} });
    expect(await tested.json()).toMatchObject({ ok: true, account: { accountId: "4410001", limits: { requestsPer10s: 190 } } });
    const wrong = await call(testRoute.POST, "/x", { method: "POST", cookie: adminA, body: { provider: "hubspot", accessToken: "pat-na1-not-a-real-token" } });
    expect(await wrong.json()).toEqual({ ok: false, error: expect.stringMatching(/^HubSpot refused the access token \(HTTP 401\)/) });
    const noneYet = await call(testRoute.POST, "/x", { method: "POST", cookie: await signInCookie("admin@beta.test"), body: {} });
    expect(await noneYet.json()).toEqual({ ok: false, error: expect.stringMatching(/internal CRM/) });
  });

  // Two real processes (tsx starts slowly on a busy machine): a generous timeout.
  it("works from the command line: a wrong token says so and stores nothing; the right one prints the account; internal goes back", { timeout: 120_000 }, async () => {
    const wrong = await crmConnect(["--workspace", world.b.slug, "--provider", "hubspot", "--access-token", "pat-eu1-wrong-token-0000"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/HubSpot refused the access token \(HTTP 401\)/);
    expect(wrong.stdout).toBe("");
    expect(await db().crmConnection.count({ where: { workspaceId: world.b.workspaceId } })).toBe(0);

    const right = await crmConnect(["--workspace", world.b.slug, "--provider", "hubspot", "--access-token", TOKEN_B]);
    expect(right.code).toBe(0);
    expect(right.stdout).not.toContain("bbbbbbbb");
    expect(JSON.parse(right.stdout)).toMatchObject({
      workspaceId: world.b.workspaceId,
      provider: "hubspot",
      account: { accountId: "4420002", name: "Beta Cars", timeZone: "America/Mexico_City", uiDomain: "app-eu1.hubspot.com" },
      limits: { requestsPer10s: 100, dailyLimit: 250_000 },
    });

    // `--provider internal` goes back: the token is deleted; connecting again works as before.
    const internal = await crmConnect(["--workspace", world.b.workspaceId, "--provider", "internal"]);
    expect(internal.code).toBe(0);
    expect(JSON.parse(internal.stdout)).toEqual({ workspaceId: world.b.workspaceId, provider: "internal" });
    expect(await db().crmConnection.count({ where: { workspaceId: world.b.workspaceId } })).toBe(0);
    expect(await crmSystemFor(world.b.workspaceId)).toBe("internal");
    expect((await crmConnect(["--workspace", world.b.slug, "--provider", "hubspot", "--access-token", TOKEN_B])).code).toBe(0);
    expect(await crmSystemFor(world.b.workspaceId)).toBe("hubspot");
  });

  it("gives each workspace an adapter on its own account", async () => {
    await (await crmAdapterFor(world.a.workspaceId)).upsertContact({ name: "Ana Souza", email: "ana@example.com" });
    await (await crmAdapterFor(world.b.workspaceId)).upsertContact({ name: "Luis Ortega", email: "luis@example.com" });
    expect(accountA.contactsWith("email", "ana@example.com")).toHaveLength(1);
    expect(accountA.contactsWith("email", "luis@example.com")).toHaveLength(0);
    expect(accountB.contactsWith("email", "luis@example.com")).toHaveLength(1);
    expect(accountB.contactsWith("email", "ana@example.com")).toHaveLength(0);
  });

  it("is for admins only", async () => {
    const manager = await signInCookie("manager@alpha.test");
    expect((await put(manager, { provider: "internal" })).status).toBe(403);
    expect((await call(connectionRoute.GET, "/x", { key: world.a.apiKey.key })).status).toBe(403);
    expect((await call(mappingRoute.GET, "/x", { cookie: manager })).status).toBe(403);
  });
});

describe("the mapping, chosen with a preview", () => {
  it("offers the account's pipelines, stages and text properties", async () => {
    accountA.addPipeline("WhatsApp leads", ["New", "Talking", "Won"]);
    accountA.properties.contacts.set("lead_rating", { name: "lead_rating", label: "Lead rating", type: "string", fieldType: "text", groupName: "contactinformation", hasUniqueValue: false });
    const response = await call(mappingRoute.GET, "/x", { cookie: adminA });
    expect(response.status).toBe(200);
    const { mapping, options } = await response.json();
    expect(mapping).toEqual({ dealPipelineId: null, dealStageId: null, scoreProperties: {}, overwriteFields: [] });
    expect(options.pipelines.map((pipeline: { label: string }) => pipeline.label)).toEqual(["Sales Pipeline", "WhatsApp leads"]);
    expect(options.pipelines[1].stages.map((stage: { label: string }) => stage.label)).toEqual(["New", "Talking", "Won"]);
    expect(options.properties).toContainEqual({ name: "lead_rating", label: "Lead rating" });
  });

  it("previews and saves a choice, naming each wrong field", async () => {
    const pipeline = accountA.pipelines.find((candidate) => candidate.label === "WhatsApp leads")!;
    const choice = { dealPipelineId: pipeline.id, dealStageId: null, scoreProperties: { leadScore: "lead_rating" }, overwriteFields: ["company"] };
    const preview = await (await call(previewRoute.POST, "/x", { method: "POST", cookie: adminA, body: choice })).json();
    expect(preview.problems).toEqual([]);
    expect(preview.preview.deal).toMatchObject({ pipeline: "WhatsApp leads", stage: "New" });
    expect(preview.preview.rows).toContainEqual({ key: "leadScore", field: "Lead Score", crmProperty: "Lead rating (lead_rating)", example: expect.any(String), rule: "fills empty only" });
    expect(preview.preview.rows).toContainEqual(expect.objectContaining({ field: "Company", rule: "overwrites" }));

    const wrong = await call(mappingRoute.PUT, "/x", { method: "PUT", cookie: adminA, body: { ...choice, dealStageId: "appointmentscheduled", scoreProperties: { leadScore: "no_such_property" } } });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).errors.map((error: { path: string }) => error.path)).toEqual(["dealStageId", "scoreProperties.leadScore"]);

    const saved = await call(mappingRoute.PUT, "/x", { method: "PUT", cookie: adminA, body: choice });
    expect(saved.status).toBe(200);
    expect((await saved.json()).mapping).toEqual({ ...choice, dealStageId: pipeline.stages[0]!.id });
    expect(await db().auditEvent.count({ where: { workspaceId: world.a.workspaceId, action: "crm.mapping_changed" } })).toBe(1);

    // New deals now go to that pipeline and stage.
    const adapter = await crmAdapterFor(world.a.workspaceId);
    const contact = await adapter.upsertContact({ name: "Rita Lima", email: "rita@example.com" });
    const conversation = await db().conversation.create({ data: { workspaceId: world.a.workspaceId, source: "import", contactWaId: "5511900000001", firstMessageAt: new Date(), lastMessageAt: new Date() } });
    const lead = await adapter.createLead({ crmContactId: contact.crmContactId, conversationId: conversation.id, title: "WhatsApp lead: Rita Lima" });
    expect(accountA.objects.deals.get(lead.crmLeadId)?.properties).toMatchObject({ pipeline: pipeline.id, dealstage: pipeline.stages[0]!.id });
  });

  it("has nothing to map on the internal CRM", async () => {
    const adminB = await signInCookie("admin@beta.test");
    await call(connectionRoute.DELETE, "/x", { method: "DELETE", cookie: adminB });
    expect(await crmSystemFor(world.b.workspaceId)).toBe("internal");
    expect(await db().crmConnection.count({ where: { workspaceId: world.b.workspaceId } })).toBe(0);
    expect((await call(mappingRoute.GET, "/x", { cookie: adminB })).status).toBe(409);
  });
});

describe("per-account budget keys", () => {
  it("keys a connected workspace by its portal, the same key its adapter's requests use", async () => {
    expect(await crmAccountKeyFor(world.a.workspaceId)).toBe("hubspot:4410001");
    expect((await crmAdapterFor(world.a.workspaceId)).accountKey).toBe("hubspot:4410001");
    expect(await crmAccountKeyFor(world.b.workspaceId)).toBe(`internal:${world.b.workspaceId}`);
  });
});

describe("rotating ENCRYPTION_KEY", () => {
  it("keeps connections working with the old key as previous, and crm:reencrypt reseals them with the new one", async () => {
    const newKey = randomBytes(32).toString("base64");
    process.env.ENCRYPTION_KEY = newKey;
    process.env.ENCRYPTION_KEY_PREVIOUS = LOCAL_ENCRYPTION_KEY;
    reloadEnv();
    try {
      expect((await call(testRoute.POST, "/x", { method: "POST", cookie: adminA, body: {} }).then((r) => r.json())).ok).toBe(true);
      expect(await resealCrmTokens()).toEqual({ resealed: 1, alreadyCurrent: 0 });
      expect(await resealCrmTokens()).toEqual({ resealed: 0, alreadyCurrent: 1 });
      const sealed = (await rawSealed(world.a.workspaceId))!;
      expect(sealedWith(sealed)).toBe(secretKey(newKey).id);
      expect(open(sealed, [secretKey(newKey)], `crm_connection:${world.a.workspaceId}`)).toBe(TOKEN_A);
      expect(() => open(sealed, [secretKey(LOCAL_ENCRYPTION_KEY)], `crm_connection:${world.a.workspaceId}`)).toThrow();
      // The old key can go: the connection still works.
      delete process.env.ENCRYPTION_KEY_PREVIOUS;
      reloadEnv();
      expect((await call(testRoute.POST, "/x", { method: "POST", cookie: adminA, body: {} }).then((r) => r.json())).ok).toBe(true);
    } finally {
      delete process.env.ENCRYPTION_KEY;
      delete process.env.ENCRYPTION_KEY_PREVIOUS;
      reloadEnv();
    }
    // Without the key that sealed it, the connection says what is wrong, and syncing stops for good.
    expect(await (await call(testRoute.POST, "/x", { method: "POST", cookie: adminA, body: {} })).json()).toEqual({ ok: false, error: expect.stringMatching(/cannot be opened .*Restore the key/) });
    await expect(crmAdapterFor(world.a.workspaceId)).rejects.toMatchObject({ name: "CrmPermanentError" });
  });
});
