// The reviewer's work list against PostgreSQL: the "to review", "assigned to
// me" and "done" views, approvals that ask before keeping an invalid email (and
// then keep it), flags raised again from the approved values, no lead listing
// its own contact, 422s that name the field, and bulk actions (reject, assign,
// approve the clean ones) that are audited and undone as a batch.
import { beforeAll, describe, expect, it } from "vitest";
import * as approveRoute from "@/app/api/v1/leads/[id]/approve/route";
import * as rejectRoute from "@/app/api/v1/leads/[id]/reject/route";
import * as leadRoute from "@/app/api/v1/leads/[id]/route";
import * as bulkRoute from "@/app/api/v1/leads/bulk/route";
import * as bulkUndoRoute from "@/app/api/v1/leads/bulk/[batchId]/undo/route";
import * as listRoute from "@/app/api/v1/leads/route";
import { db, type Prisma } from "@/lib/db/client";
import { loadSyncPlan } from "@/lib/crm/sync";
import { call } from "@/tests/support/http";
import { signInCookie, twoWorkspaces } from "@/tests/support/people";

let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let cookie: string;
let seq = 0;

beforeAll(async () => {
  world = await twoWorkspaces();
  cookie = await signInCookie("reviewer@alpha.test");
});

type LeadInput = { name?: string; email?: string | null; status?: string; flags?: { code: string; field: string | null; message: string; suggestion?: string }[]; confidence?: number; emailValid?: boolean | null; workspaceId?: string };

/** A conversation with its proposed lead, as extraction leaves it. */
async function lead(input: LeadInput = {}) {
  seq += 1;
  const workspaceId = input.workspaceId ?? world.a.workspaceId;
  const waId = `5511${String(900000000 + seq * 7919).slice(0, 9)}`;
  const conversation = await db().conversation.create({ data: { workspaceId, source: "import", contactWaId: waId, firstMessageAt: new Date(), lastMessageAt: new Date(Date.now() - seq * 1000) } });
  const email = input.email === undefined ? null : input.email;
  const confidence = input.confidence ?? 0.95;
  return db().leadProposal.create({
    data: {
      workspaceId,
      conversationId: conversation.id,
      status: input.status ?? "proposed",
      name: input.name ?? `Prospect ${seq}`,
      email,
      emailNormalized: email && input.emailValid !== false ? email.toLowerCase() : null,
      phone: `+${waId}`,
      phoneE164: `+${waId}`,
      qualifies: true,
      confidence: { name: confidence, email: confidence, phone: confidence },
      validation: { email_valid: email ? input.emailValid ?? true : null, phone_valid: true, phone_type: "mobile", phone_country: "BR", flags: input.flags ?? [] } as Prisma.InputJsonValue,
    },
  });
}

const post = (route: unknown, body: unknown, params: Record<string, string> = {}) => call(route, "/x", { method: "POST", cookie, body, params });
const list = async (query: string) => (await (await call(listRoute.GET, `/api/v1/leads?${query}&limit=200`, { cookie })).json()) as { rows: { proposal: { id: string; status: string } | null }[] };
const idsIn = (page: { rows: { proposal: { id: string } | null }[] }) => page.rows.map((row) => row.proposal?.id);

describe("views", () => {
  it("'to review' holds open leads, 'done' the decided ones, 'assigned to me' my open leads", async () => {
    const open = await lead();
    const decided = await lead({ status: "rejected" });
    const mine = await lead();
    await db().leadProposal.update({ where: { id: mine.id }, data: { ownerId: world.reviewerA.userId } });

    const toReview = await list("view=to_review");
    expect(idsIn(toReview)).toEqual(expect.arrayContaining([open.id, mine.id]));
    expect(idsIn(toReview)).not.toContain(decided.id);
    expect(toReview.rows.every((row) => row.proposal === null || ["pending", "proposed", "insufficient", "failed"].includes(row.proposal.status))).toBe(true);

    const done = await list("view=done");
    expect(idsIn(done)).toContain(decided.id);
    expect(idsIn(done)).not.toContain(open.id);

    expect(idsIn(await list("view=to_review&owner=me"))).toEqual([mine.id]);
    // An API key has no "me": the 422 says so, naming the parameter.
    const byKey = await call(listRoute.GET, "/api/v1/leads?owner=me", { key: world.a.apiKey.key });
    expect(byKey.status).toBe(422);
    expect((await byKey.json()).detail).toContain('"owner"');
  });
});

describe("approving", () => {
  it("asks before approving an invalid email, then keeps it on the contact (not sent to the CRM)", async () => {
    const proposal = await lead({ email: "luc@martin-immo", emailValid: false, flags: [{ code: "email_invalid", field: "email", message: '"luc@martin-immo" is not a valid email address' }] });
    const asked = await post(approveRoute.POST, { version: 1 }, { id: proposal.id });
    expect(asked.status).toBe(422);
    const problem = await asked.json();
    expect(problem).toMatchObject({ code: "confirmation_required", errors: [{ path: "edits.email" }] });
    expect(problem.detail).toContain('The email "luc@martin-immo" is not valid');

    const approved = await post(approveRoute.POST, { version: 1, confirmInvalid: true }, { id: proposal.id });
    expect(approved.status).toBe(200);
    const { contact, undo } = await approved.json();
    expect(contact).toMatchObject({ email: "luc@martin-immo" });
    expect(undo.remainingMs).toBeGreaterThan(50_000);
    const stored = await db().contact.findUniqueOrThrow({ where: { id: contact.id } });
    expect(stored).toMatchObject({ email: "luc@martin-immo", emailNormalized: null });
    expect((await loadSyncPlan(proposal.id)).contact.email).toBeNull();
    const audit = await db().auditEvent.findFirstOrThrow({ where: { targetId: proposal.id, action: "lead.approved" } });
    expect(audit.after).toMatchObject({ confirmedWarnings: [expect.stringContaining("luc@martin-immo")] });
  });

  it("stores the flags of the approved values: a corrected typo loses its 'typo?' flag", async () => {
    const proposal = await lead({ email: "ana@gmial.com", flags: [{ code: "email_typo_hint", field: "email", message: '"ana@gmial.com" looks like a typo of "ana@gmail.com"', suggestion: "ana@gmail.com" }] });
    const approved = await post(approveRoute.POST, { version: 1, edits: { email: "ana@gmail.com" } }, { id: proposal.id });
    expect(approved.status).toBe(200);
    const stored = await db().leadProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(stored.validation).toMatchObject({ email_valid: true, flags: [] });
    const row = (await list("view=done")).rows.find((r) => r.proposal?.id === proposal.id);
    expect(row?.proposal).toMatchObject({ emailCheck: "valid", emailSuggestion: null, flags: [] });
  });

  it("an approved lead does not list the contact it created as its own duplicate", async () => {
    const proposal = await lead({ name: "Xiomara Quintanilla", email: `self-${seq}@example.com` });
    await post(approveRoute.POST, { version: 1 }, { id: proposal.id });
    const detail = await (await call(leadRoute.GET, "/x", { cookie, params: { id: proposal.id } })).json();
    expect(detail.lead.contactId).toEqual(expect.any(String));
    expect(detail.duplicates).toEqual([]);
    expect(detail.undo.remainingMs).toBeGreaterThan(0);
  });

  it("a bad request answers 422 naming the field", async () => {
    const proposal = await lead();
    const response = await post(rejectRoute.POST, { version: 1, reason: "bored" }, { id: proposal.id });
    expect(response.status).toBe(422);
    expect((await response.json()).detail).toMatch(/^"reason" is not valid/);
  });
});

describe("bulk actions", () => {
  it("rejects the ticked leads with a reason, audits each and the batch, and undoes the batch", async () => {
    const [one, two] = [await lead(), await lead()];
    const decided = await lead({ status: "approved" });
    const response = await post(bulkRoute.POST, { action: "reject", reason: "spam", selection: { ids: [one.id, two.id, decided.id] } });
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result.done.map((item: { id: string }) => item.id).sort()).toEqual([one.id, two.id].sort());
    expect(result.skipped).toEqual([expect.objectContaining({ id: decided.id, reason: "already approved", reasonPhrase: { code: "already_reviewed", params: { status: "approved" }, message: "already approved" } })]);
    expect(await db().leadProposal.count({ where: { id: { in: [one.id, two.id] }, status: "rejected", rejectReason: "spam" } })).toBe(2);
    expect(await db().auditEvent.count({ where: { action: "lead.rejected", targetId: { in: [one.id, two.id] }, after: { path: ["batchId"], equals: result.batchId } } })).toBe(2);
    expect(await db().auditEvent.findFirstOrThrow({ where: { targetType: "lead_batch", targetId: result.batchId } })).toMatchObject({ action: "leads.bulk_rejected", actorLabel: "reviewer@alpha.test" });

    const undone = await (await post(bulkUndoRoute.POST, undefined, { batchId: result.batchId })).json();
    expect(undone).toMatchObject({ undone: 2, skipped: [] });
    expect(await db().leadProposal.count({ where: { id: { in: [one.id, two.id] }, status: "proposed", rejectReason: null } })).toBe(2);
    const again = await post(bulkUndoRoute.POST, undefined, { batchId: result.batchId });
    expect(again.status).toBe(409);
  });

  it("assigns every lead matching a filter, which then shows under 'assigned to me', and undoes it", async () => {
    const tag = `Bulkassign${seq}`;
    const matching = [await lead({ name: `${tag} One` }), await lead({ name: `${tag} Two` })];
    const other = await lead({ name: "Someone Else" });
    const result = await (await post(bulkRoute.POST, { action: "assign", ownerId: world.reviewerA.userId, selection: { filter: { q: tag, view: "to_review" } } })).json();
    expect(result.done).toHaveLength(2);
    const mine = idsIn(await list("view=to_review&owner=me"));
    expect(mine).toEqual(expect.arrayContaining(matching.map((m) => m.id)));
    expect(mine).not.toContain(other.id);
    expect(await db().auditEvent.count({ where: { action: "lead.assigned", targetId: { in: matching.map((m) => m.id) } } })).toBe(2);

    await post(bulkUndoRoute.POST, undefined, { batchId: result.batchId });
    expect(await db().leadProposal.count({ where: { id: { in: matching.map((m) => m.id) }, ownerId: null } })).toBe(2);
  });

  it("refuses an owner who is not a member of the workspace", async () => {
    const proposal = await lead();
    const response = await post(bulkRoute.POST, { action: "assign", ownerId: world.reviewerB.userId, selection: { ids: [proposal.id] } });
    expect(response.status).toBe(422);
    expect((await response.json()).detail).toContain('"ownerId"');
  });

  it("approves only the leads with no warning flag and high confidence, and undo takes the contacts back", async () => {
    const clean = await lead({ email: `clean-${seq}@example.com` });
    const fromWhatsApp = await lead({ flags: [{ code: "phone_from_whatsapp", field: "phone", message: "No phone in the text: using the channel-verified WhatsApp number" }] });
    const flagged = await lead({ email: "bia@gmial.com", flags: [{ code: "email_typo_hint", field: "email", message: '"bia@gmial.com" looks like a typo of "bia@gmail.com"' }] });
    const unsure = await lead({ confidence: 0.6 });
    const result = await (await post(bulkRoute.POST, { action: "approve", selection: { ids: [clean.id, fromWhatsApp.id, flagged.id, unsure.id] } })).json();
    expect(result.done.map((item: { id: string }) => item.id).sort()).toEqual([clean.id, fromWhatsApp.id].sort());
    expect(Object.fromEntries(result.skipped.map((skip: { id: string; reason: string }) => [skip.id, skip.reason]))).toEqual({
      [flagged.id]: expect.stringContaining("flagged"),
      [unsure.id]: "confidence is not high",
    });
    expect(Object.fromEntries(result.skipped.map((skip: { id: string; reasonPhrase: { code: string; params: object } }) => [skip.id, skip.reasonPhrase]))).toEqual({
      [flagged.id]: expect.objectContaining({ code: "flagged", params: { flag: "email_typo_hint" } }),
      [unsure.id]: expect.objectContaining({ code: "confidence_not_high" }),
    });
    expect(await db().contact.count({ where: { leadProposals: { some: { id: { in: [clean.id, fromWhatsApp.id] } } } } })).toBe(2);
    expect(await db().outboxItem.count({ where: { kind: "sync_lead", dedupeKey: { in: [clean.id, fromWhatsApp.id] } } })).toBe(2);

    const undone = await (await post(bulkUndoRoute.POST, undefined, { batchId: result.batchId })).json();
    expect(undone.undone).toBe(2);
    expect(await db().leadProposal.count({ where: { id: { in: [clean.id, fromWhatsApp.id] }, status: "proposed", contactId: null } })).toBe(2);
    expect(await db().outboxItem.count({ where: { kind: "sync_lead", dedupeKey: { in: [clean.id, fromWhatsApp.id] } } })).toBe(0);
  });

  it("cannot touch another workspace's leads", async () => {
    const theirs = await lead({ workspaceId: world.b.workspaceId });
    const result = await (await post(bulkRoute.POST, { action: "reject", reason: "spam", selection: { ids: [theirs.id] } })).json();
    expect(result.done).toEqual([]);
    expect((await db().leadProposal.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("proposed");
  });
});
