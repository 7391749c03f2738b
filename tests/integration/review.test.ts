// Review actions against PostgreSQL: approve, edit, merge, reject, undo, the
// optimistic lock, and concurrent approvals that must leave exactly one contact.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { approveProposal, mergeProposal, previewMerge, rejectProposal, undoReview, UNDO_WINDOW_MS, type ReviewActor } from "@/lib/leads/review";

const ana: ReviewActor = { actorType: "user", actorId: null, actorLabel: "ana@verde.example" };
const bruno: ReviewActor = { actorType: "user", actorId: null, actorLabel: "bruno@verde.example" };

let seq = 0;
let workspaceId: string;

beforeEach(async () => {
  seq += 1;
  workspaceId = (await db().workspace.create({ data: { name: `review ${seq}`, slug: `review-${seq}`, defaultCountry: "BR" } })).id;
});

async function proposal(fields: { name?: string | null; email?: string | null; phone?: string | null; company?: string | null; waId?: string } = {}) {
  const waId = fields.waId ?? `55119${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const conversation = await db().conversation.create({
    data: { workspaceId, source: "import", contactWaId: waId, firstMessageAt: new Date(), lastMessageAt: new Date() },
  });
  const phone = fields.phone === undefined ? `+${waId}` : fields.phone;
  return db().leadProposal.create({
    data: {
      workspaceId,
      conversationId: conversation.id,
      status: "proposed",
      name: fields.name === undefined ? "Ana Beatriz Souza" : fields.name,
      email: fields.email === undefined ? null : fields.email,
      emailNormalized: fields.email?.toLowerCase() ?? null,
      phone,
      phoneE164: phone,
      company: fields.company ?? null,
      urgencyLevel: "medium",
      qualifies: true,
    },
  });
}

describe("approve", () => {
  it("creates the contact, queues the sync after the undo window, and writes the audit log", async () => {
    const lead = await proposal({ email: "Ana.Souza@Gmail.com" });
    const now = new Date();
    const { proposal: approved, contact } = await approveProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: ana, now });
    expect(approved).toMatchObject({ status: "approved", version: 2, contactId: contact.id, syncStatus: "queued", reviewedBy: ana.actorLabel });
    expect(contact).toMatchObject({ name: "Ana Beatriz Souza", email: "ana.souza@gmail.com", phoneE164: lead.phoneE164 });
    const sync = await db().outboxItem.findFirstOrThrow({ where: { kind: "sync_lead", dedupeKey: lead.id } });
    expect(sync.availableAt.getTime()).toBe(now.getTime() + UNDO_WINDOW_MS);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { targetId: lead.id, action: "lead.approved" } });
    expect(audit).toMatchObject({ actorLabel: ana.actorLabel, before: expect.objectContaining({ status: "proposed" }), after: expect.objectContaining({ createdContactId: contact.id }) });
  });

  it("re-validates edits: a fixed phone is read in the workspace's country, a bad one is refused", async () => {
    const lead = await proposal({ phone: "+55119", email: null });
    await expect(
      approveProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: ana, edits: { phone: "123" } }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    const { contact } = await approveProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: ana, edits: { phone: "(21) 99876-1234", company: "Transportes Lima" } });
    expect(contact).toMatchObject({ phoneE164: "+5521998761234", company: "Transportes Lima" });
  });

  it("requires a merge when a contact already has the email or phone", async () => {
    const first = await proposal({ waId: "5511987654321" });
    await approveProposal({ workspaceId, proposalId: first.id, expectedVersion: 1, actor: ana });
    // The same person writes again from the old form of the same number.
    const second = await proposal({ waId: "551187654321", phone: "+5511987654321" });
    await expect(approveProposal({ workspaceId, proposalId: second.id, expectedVersion: 1, actor: ana })).rejects.toMatchObject({
      code: "conflict",
      details: { code: "duplicate_contact", duplicates: [expect.objectContaining({ kind: "contact", exact: true })] },
    });
    expect(await db().contact.count({ where: { workspaceId } })).toBe(1);
  });

  it("gives the second of two reviewers a conflict naming who changed it", async () => {
    const lead = await proposal();
    await approveProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: ana });
    await expect(rejectProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: bruno, rejection: { reason: "spam" } })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("changed by ana@verde.example"),
    });
  });

  it("creates exactly one contact when the same lead is approved many times at once", async () => {
    const lead = await proposal();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => approveProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: ana })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected").every((result) => (result as PromiseRejectedResult).reason.code === "conflict")).toBe(true);
    expect(await db().contact.count({ where: { workspaceId } })).toBe(1);
  });

  it("creates exactly one contact when two leads of the same person are approved at once", async () => {
    const one = await proposal({ waId: "5511911112222" });
    const two = await proposal({ waId: "5511911112222" });
    const results = await Promise.allSettled([
      approveProposal({ workspaceId, proposalId: one.id, expectedVersion: 1, actor: ana }),
      approveProposal({ workspaceId, proposalId: two.id, expectedVersion: 1, actor: bruno }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db().contact.count({ where: { workspaceId } })).toBe(1);
  });

  it("answers 404 for another workspace's lead", async () => {
    const lead = await proposal();
    const other = (await db().workspace.create({ data: { name: "o", slug: `review-other-${seq}`, defaultCountry: "BR" } })).id;
    await expect(approveProposal({ workspaceId: other, proposalId: lead.id, expectedVersion: 1, actor: ana })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("merge", () => {
  it("previews, then merges into the existing contact with the values chosen per field, keeping one contact", async () => {
    const first = await proposal({ waId: "5511987654321", email: "ana@old.example", company: "Padaria" });
    const { contact } = await approveProposal({ workspaceId, proposalId: first.id, expectedVersion: 1, actor: ana });
    const returning = await proposal({ waId: "5511987654321", email: "ana@new.example", name: "Ana B. Souza", company: null });

    const preview = await previewMerge({ workspaceId, proposalId: returning.id, contactId: contact.id, choices: { email: "lead" } });
    expect(preview.after).toMatchObject({ name: "Ana Beatriz Souza", email: "ana@new.example", company: "Padaria" });
    expect(preview.changes).toEqual([{ field: "email", from: "ana@old.example", to: "ana@new.example" }]);
    expect((await db().contact.findUniqueOrThrow({ where: { id: contact.id } })).email).toBe("ana@old.example");

    const { proposal: merged } = await mergeProposal({ workspaceId, proposalId: returning.id, expectedVersion: 1, contactId: contact.id, choices: { email: "lead" }, actor: ana });
    expect(merged).toMatchObject({ status: "merged", contactId: contact.id });
    expect(await db().contact.count({ where: { workspaceId } })).toBe(1);
    expect(await db().contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ email: "ana@new.example", emailNormalized: "ana@new.example", company: "Padaria" });
  });
});

describe("reject and undo", () => {
  it("records the rejection reason and note", async () => {
    const lead = await proposal();
    const { proposal: rejected } = await rejectProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: ana, rejection: { reason: "other", note: "a supplier, not a customer" } });
    expect(rejected).toMatchObject({ status: "rejected", rejectReason: "other", rejectNote: "a supplier, not a customer" });
  });

  it("undoes an approval within the window: contact and queued sync gone, lead back in the queue", async () => {
    const lead = await proposal();
    const now = new Date();
    const { contact } = await approveProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: ana, now });
    const { proposal: undone } = await undoReview({ workspaceId, proposalId: lead.id, expectedVersion: 2, actor: ana, now: new Date(now.getTime() + 5_000) });
    expect(undone).toMatchObject({ status: "proposed", contactId: null, syncStatus: "none", version: 3 });
    expect(await db().contact.findUnique({ where: { id: contact.id } })).toBeNull();
    expect(await db().outboxItem.count({ where: { kind: "sync_lead", dedupeKey: lead.id } })).toBe(0);
  });

  it("undoes a merge by restoring the contact's previous values", async () => {
    const first = await proposal({ waId: "5511987654321", email: "ana@old.example" });
    const { contact } = await approveProposal({ workspaceId, proposalId: first.id, expectedVersion: 1, actor: ana });
    const returning = await proposal({ waId: "5511987654321", email: "ana@new.example" });
    const now = new Date();
    await mergeProposal({ workspaceId, proposalId: returning.id, expectedVersion: 1, contactId: contact.id, choices: { email: "lead" }, actor: ana, now });
    await undoReview({ workspaceId, proposalId: returning.id, expectedVersion: 2, actor: ana, now });
    expect((await db().contact.findUniqueOrThrow({ where: { id: contact.id } })).email).toBe("ana@old.example");
  });

  it("refuses to undo after the window or once the sync started", async () => {
    const lead = await proposal();
    const now = new Date();
    await approveProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: ana, now });
    await expect(undoReview({ workspaceId, proposalId: lead.id, expectedVersion: 2, actor: ana, now: new Date(now.getTime() + UNDO_WINDOW_MS + 1) })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("undo window"),
    });
    await db().outboxItem.updateMany({ where: { dedupeKey: lead.id }, data: { status: "claimed" } });
    await expect(undoReview({ workspaceId, proposalId: lead.id, expectedVersion: 2, actor: ana, now })).rejects.toMatchObject({
      message: expect.stringContaining("already started"),
    });
  });
});

describe("follow-ups on approval", () => {
  it("schedules the proposed follow-up for the new contact, and undo takes it back", async () => {
    const lead = await proposal();
    const dueAt = new Date(Date.now() + 86_400_000);
    const followUp = await db().followUp.create({
      data: { workspaceId, conversationId: lead.conversationId, dueAt, timezone: "America/Sao_Paulo", channel: "call", reason: "asked for a call", status: "proposed" },
    });
    const now = new Date();
    const { contact } = await approveProposal({ workspaceId, proposalId: lead.id, expectedVersion: 1, actor: ana, now });
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({ status: "scheduled", contactId: contact.id });
    expect((await db().outboxItem.findFirstOrThrow({ where: { kind: "follow_up_due", dedupeKey: followUp.id } })).availableAt).toEqual(dueAt);

    await undoReview({ workspaceId, proposalId: lead.id, expectedVersion: 2, actor: ana, now });
    expect(await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({ status: "proposed", contactId: null });
    expect(await db().outboxItem.count({ where: { kind: "follow_up_due", dedupeKey: followUp.id } })).toBe(0);
  });
});
