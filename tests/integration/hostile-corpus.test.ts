// The hostile corpus (tests/support/hostile-corpus.ts) against every public
// route handler under app/api (a route added without an entry here fails the
// first test). Each hostile request must be refused: 4xx problem+json, or for
// the HTML form routes a 303 to a path on this site, or what Meta expects from
// its webhook (403 text on a wrong handshake, 401 on a bad signature, 200 on a
// replayed delivery). None may answer 5xx, and none may change data: the whole
// database is fingerprinted before and after (sign_in_failures excepted: a
// refused sign-in attempt is counted by design; api_keys.last_used_at too).
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as acceptRoute from "@/app/api/auth/invitations/accept/route";
import * as resetCompleteRoute from "@/app/api/auth/password-reset/complete/route";
import * as resetRoute from "@/app/api/auth/password-reset/route";
import * as passwordRoute from "@/app/api/auth/password/route";
import * as signInRoute from "@/app/api/auth/sign-in/route";
import * as signOutRoute from "@/app/api/auth/sign-out/route";
import * as followUpsPageRoute from "@/app/api/dashboard/follow-ups/route";
import * as healthRoute from "@/app/api/health/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as readyRoute from "@/app/api/ready/route";
import * as inngestRoute from "@/app/api/inngest/route";
import * as apiKeyRoute from "@/app/api/v1/api-keys/[id]/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as backgroundWorkRoute from "@/app/api/v1/background-work/route";
import * as contactRoute from "@/app/api/v1/contacts/[id]/route";
import * as contactsExportRoute from "@/app/api/v1/contacts/export/route";
import * as contactsRoute from "@/app/api/v1/contacts/route";
import * as conversationRoute from "@/app/api/v1/conversations/[id]/route";
import * as crmConnectionRoute from "@/app/api/v1/crm/connection/route";
import * as crmConnectionTestRoute from "@/app/api/v1/crm/connection/test/route";
import * as crmMappingPreviewRoute from "@/app/api/v1/crm/mapping/preview/route";
import * as crmMappingRoute from "@/app/api/v1/crm/mapping/route";
import * as scoresRoute from "@/app/api/v1/conversations/[id]/scores/route";
import * as importRoute from "@/app/api/v1/conversations/import/route";
import * as conversationsRoute from "@/app/api/v1/conversations/route";
import * as cancelRoute from "@/app/api/v1/follow-ups/[id]/cancel/route";
import * as funnelRoute from "@/app/api/v1/funnel/route";
import * as rescheduleRoute from "@/app/api/v1/follow-ups/[id]/reschedule/route";
import * as renewRoute from "@/app/api/v1/invitations/[id]/renew/route";
import * as invitationRoute from "@/app/api/v1/invitations/[id]/route";
import * as invitationsRoute from "@/app/api/v1/invitations/route";
import * as approveRoute from "@/app/api/v1/leads/[id]/approve/route";
import * as mergeRoute from "@/app/api/v1/leads/[id]/merge/route";
import * as rejectRoute from "@/app/api/v1/leads/[id]/reject/route";
import * as retryExtractionRoute from "@/app/api/v1/leads/[id]/retry-extraction/route";
import * as retrySyncRoute from "@/app/api/v1/leads/[id]/retry-sync/route";
import * as leadRoute from "@/app/api/v1/leads/[id]/route";
import * as undoRoute from "@/app/api/v1/leads/[id]/undo/route";
import * as bulkUndoRoute from "@/app/api/v1/leads/bulk/[batchId]/undo/route";
import * as bulkRoute from "@/app/api/v1/leads/bulk/route";
import * as leadsRoute from "@/app/api/v1/leads/route";
import * as memberRoute from "@/app/api/v1/members/[id]/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as meSettingsRoute from "@/app/api/v1/me/settings/route";
import * as notificationsRoute from "@/app/api/v1/notifications/route";
import * as notificationsSeenRoute from "@/app/api/v1/notifications/seen/route";
import * as ownerRulesRoute from "@/app/api/v1/owner-rules/route";
import * as parkedRouteRoute from "@/app/api/v1/parked-webhooks/[id]/route/route";
import * as parkedWebhooksRoute from "@/app/api/v1/parked-webhooks/route";
import * as eraseRoute from "@/app/api/v1/privacy/erase/route";
import * as exportRoute from "@/app/api/v1/privacy/export/route";
import * as sessionWorkspaceRoute from "@/app/api/v1/session/workspace/route";
import * as statusRoute from "@/app/api/v1/status/route";
import * as whatsappNumberRoute from "@/app/api/v1/whatsapp-numbers/[id]/route";
import * as whatsappNumbersRoute from "@/app/api/v1/whatsapp-numbers/route";
import * as settingsRoute from "@/app/api/v1/workspace/settings/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import * as webhookRoute from "@/app/api/webhooks/whatsapp/route";
import { db } from "@/lib/db/client";
import { drainDueWork } from "@/lib/jobs/drain";
import { reloadEnv } from "@/lib/env";
import { signBody } from "@/lib/ingest/signature";
import { inviteMember } from "@/lib/workspaces/invitations";
import { HOSTILE_AUTHORIZATIONS, HOSTILE_COOKIES, HOSTILE_IDS, HOSTILE_QUERIES, HOSTILE_WORKSPACE_HEADERS, hostileBodies, hostileForms, type HostileBody } from "../support/hostile-corpus";
import { BASE_URL } from "../support/http";
import { signInCookie, twoWorkspaces } from "../support/people";
import { APP_SECRET, configureWebhook, messagesPayload, textMessage, VERIFY_TOKEN } from "../support/whatsapp";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RecordKind = "apiKey" | "bulkBatch" | "contact" | "conversation" | "followUp" | "invitation" | "lead" | "member" | "parkedWebhook" | "whatsappNumber";
// probe: health and readiness answer anyone 200, whatever is sent; metrics: a bearer token of its own.
type Auth = "workspace" | "signed-in" | "form" | "sign-out" | "webhook" | "inngest" | "probe" | "metrics";

type RouteUnderTest = {
  file: string;
  module: Record<string, unknown>;
  auth: Auth;
  /** The record the [id] segment names. */
  id?: RecordKind;
  /** The name of that segment when it is not `id`. */
  param?: string;
  /** Methods that read a JSON body (the others ignore any body, so only their ids and credentials are hostile). */
  readsBody?: string[];
  /** Parameters of the query string it reads (GET). */
  query?: RegExp;
};

// The contacts list reads q, cursor and limit (1-500): the corpus's bad limits and over-long cursor.
const CONTACT_QUERIES = /(^|&)limit=|cursor=A{200}/;

const ROUTES: RouteUnderTest[] = [
  { file: "app/api/auth/invitations/accept/route.ts", module: acceptRoute, auth: "form" },
  { file: "app/api/auth/password-reset/complete/route.ts", module: resetCompleteRoute, auth: "form" },
  { file: "app/api/auth/password-reset/route.ts", module: resetRoute, auth: "form" },
  { file: "app/api/auth/password/route.ts", module: passwordRoute, auth: "signed-in", readsBody: ["PUT"] },
  { file: "app/api/auth/sign-in/route.ts", module: signInRoute, auth: "form", readsBody: ["POST"] },
  { file: "app/api/auth/sign-out/route.ts", module: signOutRoute, auth: "sign-out" },
  { file: "app/api/dashboard/follow-ups/route.ts", module: followUpsPageRoute, auth: "workspace" },
  { file: "app/api/health/route.ts", module: healthRoute, auth: "probe" },
  { file: "app/api/inngest/route.ts", module: inngestRoute, auth: "inngest", readsBody: ["POST", "PUT"] },
  { file: "app/api/metrics/route.ts", module: metricsRoute, auth: "metrics" },
  { file: "app/api/ready/route.ts", module: readyRoute, auth: "probe" },
  { file: "app/api/v1/api-keys/[id]/route.ts", module: apiKeyRoute, auth: "workspace", id: "apiKey" },
  { file: "app/api/v1/api-keys/route.ts", module: apiKeysRoute, auth: "workspace", readsBody: ["POST"] },
  { file: "app/api/v1/background-work/route.ts", module: backgroundWorkRoute, auth: "workspace" },
  { file: "app/api/v1/contacts/[id]/route.ts", module: contactRoute, auth: "workspace", id: "contact" },
  { file: "app/api/v1/contacts/export/route.ts", module: contactsExportRoute, auth: "workspace", query: CONTACT_QUERIES },
  { file: "app/api/v1/contacts/route.ts", module: contactsRoute, auth: "workspace", query: CONTACT_QUERIES },
  { file: "app/api/v1/conversations/[id]/route.ts", module: conversationRoute, auth: "workspace", id: "conversation" },
  { file: "app/api/v1/conversations/[id]/scores/route.ts", module: scoresRoute, auth: "workspace", id: "conversation", readsBody: ["POST"] },
  { file: "app/api/v1/conversations/import/route.ts", module: importRoute, auth: "workspace", readsBody: ["POST"] },
  { file: "app/api/v1/conversations/route.ts", module: conversationsRoute, auth: "workspace", query: /(^|&)(limit|cursor)=/ },
  { file: "app/api/v1/crm/connection/route.ts", module: crmConnectionRoute, auth: "workspace", readsBody: ["PUT"] },
  { file: "app/api/v1/crm/connection/test/route.ts", module: crmConnectionTestRoute, auth: "workspace", readsBody: ["POST"] },
  { file: "app/api/v1/crm/mapping/preview/route.ts", module: crmMappingPreviewRoute, auth: "workspace", readsBody: ["POST"] },
  { file: "app/api/v1/crm/mapping/route.ts", module: crmMappingRoute, auth: "workspace", readsBody: ["PUT"] },
  { file: "app/api/v1/follow-ups/[id]/cancel/route.ts", module: cancelRoute, auth: "workspace", id: "followUp", readsBody: ["POST"] },
  { file: "app/api/v1/follow-ups/[id]/reschedule/route.ts", module: rescheduleRoute, auth: "workspace", id: "followUp", readsBody: ["POST"] },
  { file: "app/api/v1/funnel/route.ts", module: funnelRoute, auth: "workspace", query: /./ },
  { file: "app/api/v1/invitations/[id]/renew/route.ts", module: renewRoute, auth: "workspace", id: "invitation" },
  { file: "app/api/v1/invitations/[id]/route.ts", module: invitationRoute, auth: "workspace", id: "invitation" },
  { file: "app/api/v1/invitations/route.ts", module: invitationsRoute, auth: "workspace", readsBody: ["POST"] },
  { file: "app/api/v1/leads/[id]/approve/route.ts", module: approveRoute, auth: "workspace", id: "lead", readsBody: ["POST"] },
  { file: "app/api/v1/leads/[id]/merge/route.ts", module: mergeRoute, auth: "workspace", id: "lead", readsBody: ["POST"] },
  { file: "app/api/v1/leads/[id]/reject/route.ts", module: rejectRoute, auth: "workspace", id: "lead", readsBody: ["POST"] },
  { file: "app/api/v1/leads/[id]/retry-extraction/route.ts", module: retryExtractionRoute, auth: "workspace", id: "lead" },
  { file: "app/api/v1/leads/[id]/retry-sync/route.ts", module: retrySyncRoute, auth: "workspace", id: "lead" },
  { file: "app/api/v1/leads/[id]/route.ts", module: leadRoute, auth: "workspace", id: "lead" },
  { file: "app/api/v1/leads/[id]/undo/route.ts", module: undoRoute, auth: "workspace", id: "lead", readsBody: ["POST"] },
  { file: "app/api/v1/leads/bulk/[batchId]/undo/route.ts", module: bulkUndoRoute, auth: "workspace", id: "bulkBatch", param: "batchId" },
  { file: "app/api/v1/leads/bulk/route.ts", module: bulkRoute, auth: "workspace", readsBody: ["POST"] },
  { file: "app/api/v1/leads/route.ts", module: leadsRoute, auth: "workspace", query: /./ },
  { file: "app/api/v1/me/settings/route.ts", module: meSettingsRoute, auth: "signed-in", readsBody: ["PATCH"] },
  { file: "app/api/v1/members/[id]/route.ts", module: memberRoute, auth: "workspace", id: "member", readsBody: ["PATCH"] },
  { file: "app/api/v1/members/route.ts", module: membersRoute, auth: "workspace" },
  { file: "app/api/v1/notifications/route.ts", module: notificationsRoute, auth: "workspace" },
  { file: "app/api/v1/notifications/seen/route.ts", module: notificationsSeenRoute, auth: "workspace" },
  { file: "app/api/v1/owner-rules/route.ts", module: ownerRulesRoute, auth: "workspace", readsBody: ["PUT"] },
  { file: "app/api/v1/parked-webhooks/[id]/route/route.ts", module: parkedRouteRoute, auth: "workspace", id: "parkedWebhook" },
  { file: "app/api/v1/parked-webhooks/route.ts", module: parkedWebhooksRoute, auth: "workspace" },
  { file: "app/api/v1/privacy/erase/route.ts", module: eraseRoute, auth: "workspace", readsBody: ["POST"] },
  { file: "app/api/v1/privacy/export/route.ts", module: exportRoute, auth: "workspace", readsBody: ["POST"] },
  { file: "app/api/v1/session/workspace/route.ts", module: sessionWorkspaceRoute, auth: "signed-in", readsBody: ["PUT"] },
  { file: "app/api/v1/status/route.ts", module: statusRoute, auth: "workspace" },
  { file: "app/api/v1/whatsapp-numbers/[id]/route.ts", module: whatsappNumberRoute, auth: "workspace", id: "whatsappNumber" },
  { file: "app/api/v1/whatsapp-numbers/route.ts", module: whatsappNumbersRoute, auth: "workspace", readsBody: ["POST"] },
  { file: "app/api/v1/workspace/settings/route.ts", module: settingsRoute, auth: "workspace", readsBody: ["PATCH"] },
  { file: "app/api/v1/workspaces/route.ts", module: workspacesRoute, auth: "signed-in" },
  { file: "app/api/webhooks/whatsapp/route.ts", module: webhookRoute, auth: "webhook" },
];

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const LARGEST_BODY_LIMIT = 20 * 1024 * 1024;
const BODIES = hostileBodies(LARGEST_BODY_LIMIT);

function routeFilesOnDisk(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") found.push(path.relative(process.cwd(), full).split(path.sep).join("/"));
    }
  };
  walk(path.join(process.cwd(), "app/api"));
  return found.sort();
}

type Sent = { method: string; url?: string; headers?: Record<string, string>; body?: string | Uint8Array | null; params?: Record<string, string> };

async function send(handler: Handler, request: Sent): Promise<Response> {
  const init: RequestInit = { method: request.method, headers: request.headers ?? {} };
  if (request.body !== undefined && request.body !== null && request.method !== "GET") init.body = request.body as BodyInit;
  return handler(new Request(request.url ?? `${BASE_URL}/api/x`, init), { params: Promise.resolve(request.params ?? {}) });
}

type Expectation = "problem" | "form" | "meta-handshake" | "sign-out";

/** A refusal: never 5xx; 4xx problem+json (or the route's documented non-JSON answer). */
async function expectRefused(response: Response, expectation: Expectation, label: string): Promise<void> {
  const where = `${label} -> ${response.status}`;
  expect(response.status, where).toBeLessThan(500);
  if (expectation === "form" && response.status === 303) {
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith("/") && !location.startsWith("//") && !location.includes("\\"), where).toBe(true);
    return;
  }
  if (expectation === "sign-out" && (response.status === 204 || response.status === 303)) return;
  if (expectation === "meta-handshake") {
    expect(response.status, where).toBe(403);
    return;
  }
  expect(response.status, where).toBeGreaterThanOrEqual(400);
  expect(response.headers.get("content-type"), where).toBe("application/problem+json");
  const problem = (await response.json()) as { status: number; detail: string };
  expect(problem.status, where).toBe(response.status);
  expect(typeof problem.detail, where).toBe("string");
}

/** Every table's content, except the counters refused attempts are meant to write. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await db().$queryRawUnsafe<{ table_name: string }[]>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'sign_in_failures') ORDER BY table_name",
  );
  const fingerprint: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    // A replayed delivery is taken into the inbox and its run recorded (process_inbox), storing nothing new.
    const where = table === "outbox_items" ? "WHERE kind <> 'process_inbox'" : "";
    const [row] = await db().$queryRawUnsafe<{ digest: string }[]>(
      `SELECT count(*)::text || ':' || md5(coalesce(string_agg(x, '' ORDER BY x), '')) AS digest FROM (SELECT md5((to_jsonb(t) - 'last_used_at')::text) AS x FROM "${table}" t ${where}) rows`,
    );
    fingerprint[table] = row!.digest;
  }
  return fingerprint;
}

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let adminCookie: string;
let ids: Record<"a" | "b", Record<RecordKind, string>>;
let replay: { body: string; signature: string };
let before: Record<string, string>;

async function recordsOf(workspace: { workspaceId: string }, admin: { userId: string; email: string; membershipId: string }, waId: string, phoneNumberId: string) {
  const workspaceId = workspace.workspaceId;
  const conversation = await db().conversation.create({ data: { workspaceId, source: "import", contactWaId: waId, firstMessageAt: new Date(), lastMessageAt: new Date() } });
  await db().message.create({ data: { workspaceId, conversationId: conversation.id, providerMessageId: `wamid.${conversation.id}`, role: "user", body: "Oi, sou a Ana, ana@example.test", sentAt: new Date() } });
  const lead = await db().leadProposal.create({ data: { workspaceId, conversationId: conversation.id, status: "proposed", name: "Ana", email: "ana@example.test", qualifies: true } });
  const followUp = await db().followUp.create({
    data: { workspaceId, conversationId: conversation.id, dueAt: new Date(Date.now() + 86_400_000), timezone: "America/Sao_Paulo", channel: "whatsapp", reason: "asked to be called" },
  });
  const apiKey = await db().apiKey.findFirstOrThrow({ where: { workspaceId }, select: { id: true } });
  const principal = { kind: "member" as const, workspaceId, userId: admin.userId, sessionId: "setup", role: "admin" as const, label: admin.email };
  const { invitation } = await inviteMember(principal, { email: `invitee-${phoneNumberId}@example.test`, role: "reviewer" });
  const contact = await db().contact.create({ data: { workspaceId, name: "Ana", email: `ana-${phoneNumberId}@example.test`, emailNormalized: `ana-${phoneNumberId}@example.test` } });
  const number = await db().whatsAppNumber.findUniqueOrThrow({ where: { phoneNumberId }, select: { id: true } });
  // A bulk action whose undo window has passed (an undo answers 409, changing nothing).
  const batch = await db().auditEvent.create({
    data: { workspaceId, actorType: "user", actorLabel: admin.email, action: "leads.bulk_rejected", targetType: "lead_batch", targetId: crypto.randomUUID(), after: { action: "reject", items: [] }, createdAt: new Date(Date.now() - 86_400_000) },
  });
  // A parked delivery no admin can route: A's is an unreadable message, B's is for B's own number.
  const parked = await db().parkedWebhook.create({
    data: phoneNumberId.endsWith("1") ? { phoneNumberId, reason: "bad_message: test", payload: { workspaceId } } : { phoneNumberId, reason: "unknown_phone_number_id: test", payload: {} },
  });
  return {
    apiKey: apiKey.id,
    bulkBatch: batch.targetId!,
    contact: contact.id,
    conversation: conversation.id,
    followUp: followUp.id,
    invitation: invitation.id,
    lead: lead.id,
    member: admin.membershipId,
    parkedWebhook: parked.id,
    whatsappNumber: number.id,
  };
}

beforeAll(async () => {
  process.env.METRICS_TOKEN = "metrics-token-for-the-corpus";
  reloadEnv();
  configureWebhook();
  world = await twoWorkspaces();
  adminCookie = await signInCookie("admin@alpha.test");
  ids = {
    a: await recordsOf(world.a, world.adminA, "5511999990001", "200000000000001"),
    b: await recordsOf(world.b, world.adminB, "5215512340002", "200000000000002"),
  };
  // A delivery Meta made once; the corpus replays it.
  const body = JSON.stringify(messagesPayload("200000000000001", "5511988887777", [textMessage("5511988887777", "Quero um orçamento", new Date())]));
  replay = { body, signature: signBody(body, APP_SECRET) };
  const first = await send(webhookRoute.POST as Handler, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": replay.signature }, body });
  expect(first.status).toBe(200);
  // The webhook keeps the delivery in its inbox; the process_inbox job stores it.
  await drainDueWork({ worker: "corpus-setup" });
  expect(await db().conversation.count({ where: { contactWaId: "5511988887777" } })).toBe(1);
  before = await databaseFingerprint();
}, 120_000);

afterAll(async () => {
  delete process.env.METRICS_TOKEN;
  reloadEnv();
  expect(await databaseFingerprint()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
});

describe("the hostile corpus", () => {
  it("covers every route handler under app/api, with every method it exports", () => {
    expect(ROUTES.map((route) => route.file).sort()).toEqual(routeFilesOnDisk());
    for (const route of ROUTES) expect(Object.keys(route.module).filter((name) => (METHODS as readonly string[]).includes(name)).length, route.file).toBeGreaterThan(0);
  });

  for (const route of ROUTES) {
    const methods = METHODS.filter((method) => typeof route.module[method] === "function");
    for (const method of methods) {
      it(`${method} ${route.file}`, async () => {
        const handler = route.module[method] as Handler;
        const mutation = method !== "GET";
        const readsBody = route.readsBody?.includes(method) ?? false;
        const expectation: Expectation = route.auth === "form" ? "form" : route.auth === "sign-out" ? "sign-out" : "problem";
        const ownId = route.id ? ids.a[route.id] : undefined;
        const params = (id: string | undefined): Record<string, string> => (id === undefined ? {} : { [route.param ?? "id"]: id });
        const json = (body: HostileBody) => ({ ...(body.contentType ? { "content-type": body.contentType } : {}) });
        const bodiesFor = readsBody || route.auth === "form" || route.auth === "webhook" ? BODIES : BODIES.slice(0, 3);
        let sent = 0;
        const check = async (label: string, request: Sent, as: Expectation = expectation) => {
          sent++;
          await expectRefused(await send(handler, request), as, `${method} ${route.file} ${label}`);
        };

        if (route.auth === "webhook") {
          if (method === "GET") {
            for (const query of ["", "hub.mode=subscribe&hub.challenge=1", `hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=<script>`, `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`, "hub.mode=subscribe&hub.verify_token=' OR 1=1 --&hub.challenge=1", `hub.verify_token=${"%00".repeat(100)}`]) {
              await check(`handshake ?${query.slice(0, 60)}`, { method, url: `${BASE_URL}/api/webhooks/whatsapp?${query}` }, "meta-handshake");
            }
            return;
          }
          const signed = (body: string | Uint8Array, secret = APP_SECRET) => signBody(typeof body === "string" ? body : Buffer.from(body), secret);
          for (const body of BODIES) {
            await check(`unsigned ${body.label}`, { method, headers: json(body), body: body.body });
            await check(`wrong secret ${body.label}`, { method, headers: { ...json(body), "x-hub-signature-256": signed(body.body, "not-the-secret") }, body: body.body });
          }
          const altered = replay.body.replace("Quero um orçamento", "Quero um orçamento grátis");
          const signatures = [replay.signature, replay.signature.toUpperCase(), replay.signature.replace("sha256=", "sha1="), replay.signature.slice(0, 20), "sha256=", `sha256=${"0".repeat(64)}`, `${replay.signature},${replay.signature}`];
          for (const signature of signatures) await check(`altered body with signature ${signature.slice(0, 15)}`, { method, headers: { "content-type": "application/json", "x-hub-signature-256": signature }, body: altered });
          // A replay of a delivery already stored is what Meta does on retries: 200, nothing new.
          const replayed = await send(handler, { method, headers: { "content-type": "application/json", "x-hub-signature-256": replay.signature }, body: replay.body });
          expect(replayed.status).toBe(200);
          expect((await drainDueWork({ worker: "corpus-replay" })).byKind.process_inbox?.done).toBe(1);
          expect(await db().webhookDelivery.count()).toBe(0);
          return;
        }

        if (route.auth === "probe") {
          // Anyone may ask; nothing sent changes the answer or breaks it.
          const requests: Sent[] = [
            { method },
            ...HOSTILE_COOKIES.map((cookie) => ({ method, headers: { cookie } })),
            ...HOSTILE_AUTHORIZATIONS.map((authorization) => ({ method, headers: { authorization } })),
            ...HOSTILE_QUERIES.map((query) => ({ method, url: `${BASE_URL}/api/x?${query}` })),
          ];
          for (const request of requests) {
            sent++;
            const response = await send(handler, request);
            expect(response.status, `${method} ${route.file} ${JSON.stringify(request).slice(0, 80)}`).toBe(200);
          }
          expect(sent).toBeGreaterThan(10);
          return;
        }

        // No credentials, malformed cookies, malformed Authorization headers.
        const anonymous: Sent[] = [
          { method, params: params(ownId) },
          ...HOSTILE_COOKIES.map((cookie) => ({ method, params: params(ownId), headers: { cookie, origin: BASE_URL } })),
          ...HOSTILE_AUTHORIZATIONS.map((authorization) => ({ method, params: params(ownId), headers: { authorization } })),
        ];
        for (const request of anonymous) {
          const body = mutation ? BODIES[11]! : undefined; // SQL in every field
          await check(`anonymous ${JSON.stringify(request.headers ?? {}).slice(0, 60)}`, { ...request, body: body?.body, headers: { ...request.headers, ...(body ? json(body) : {}) } });
        }
        if (route.auth === "form" || route.auth === "sign-out") {
          for (const form of hostileForms()) await check(`form: ${form.label}`, { method, headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE_URL }, body: form.body });
          for (const body of BODIES) await check(`json: ${body.label}`, { method, headers: { ...json(body), origin: BASE_URL }, body: body.body });
          await check("cross-site form", { method, headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" }, body: "email=a%40b.test&password=x" });
          return;
        }
        if (route.auth === "metrics") {
          for (const token of ["metrics-token-for-the-corpus0", "METRICS-TOKEN-FOR-THE-CORPUS", "metrics-token-for-the-corpu", "' OR 1=1 --"]) await check(`metrics token ${JSON.stringify(token)}`, { method, headers: { authorization: `Bearer ${token}` } });
          return;
        }
        if (route.auth === "inngest") {
          for (const body of BODIES) await check(`inngest ${body.label}`, { method, headers: { ...json(body), "x-inngest-signature": "t=1&s=forged" }, body: body.body });
          return;
        }

        // Signed in (page of workspace A) and, for workspace routes, API key of A.
        const page = { cookie: adminCookie, origin: BASE_URL, "x-workspace-id": world.a.workspaceId };
        const principals: { name: string; headers: Record<string, string> }[] = [{ name: "admin session", headers: page }];
        if (route.auth === "workspace") principals.push({ name: "API key", headers: { authorization: `Bearer ${world.a.apiKey.key}` } });

        for (const principal of principals) {
          if (route.id) {
            for (const id of [...HOSTILE_IDS, ids.b[route.id]]) {
              const body = readsBody ? BODIES[13]! : undefined; // wrong types
              await check(`${principal.name} id ${JSON.stringify(id).slice(0, 40)}`, { method, params: params(id), headers: { ...principal.headers, ...(body ? json(body) : {}) }, body: body?.body });
            }
          }
          if (readsBody) {
            for (const body of bodiesFor) await check(`${principal.name} body ${body.label}`, { method, params: params(ownId), headers: { ...principal.headers, ...json(body) }, body: body.body });
          }
          if (route.query && method === "GET") {
            for (const query of HOSTILE_QUERIES.filter((q) => route.query!.test(q))) {
              await check(`${principal.name} ?${query.slice(0, 50)}`, { method, url: `${BASE_URL}/api/x?${query}`, params: params(ownId), headers: principal.headers });
            }
          }
        }
        // A page of another workspace, a forged one, or none at all (routes of one workspace).
        const validBody = readsBody ? BODIES[13]! : undefined;
        for (const workspace of route.auth === "workspace" ? [world.b.workspaceId, ...HOSTILE_WORKSPACE_HEADERS] : []) {
          await check(`X-Workspace-Id ${workspace.slice(0, 30)}`, { method, params: params(ownId), headers: { ...page, "x-workspace-id": workspace, ...(validBody ? json(validBody) : {}) }, body: validBody?.body });
        }
        if (mutation) {
          if (route.auth === "workspace") await check("no X-Workspace-Id", { method, params: params(ownId), headers: { cookie: adminCookie, origin: BASE_URL } });
          await check("cross-site Origin", { method, params: params(ownId), headers: { ...page, origin: "https://evil.example" } });
          await check("no Origin", { method, params: params(ownId), headers: { cookie: adminCookie, "x-workspace-id": world.a.workspaceId } });
        }
        expect(sent).toBeGreaterThan(10);
      }, 180_000);
    }
  }
});
