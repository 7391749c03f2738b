// The internal CRM honours the CRM contract in PostgreSQL: search before
// create, never a duplicate (also under concurrency), idempotent leads.
import { beforeEach, describe, expect, it } from "vitest";
import { createInternalCrm } from "@/lib/crm/internal/adapter";
import { CrmPermanentError } from "@/lib/crm/errors";
import { db } from "@/lib/db/client";

let workspaceId: string;
let seq = 0;

beforeEach(async () => {
  seq += 1;
  workspaceId = (await db().workspace.create({ data: { name: `crm ${seq}`, slug: `crm-${seq}`, defaultCountry: "BR" } })).id;
});

describe("internal CRM", () => {
  it("creates a contact once and then updates it, matched by email or by phone in any form", async () => {
    const crm = createInternalCrm(workspaceId);
    const first = await crm.upsertContact({ name: "Ana Souza", email: "Ana.Souza@gmail.com", phone: "+5511987654321" });
    expect(first.created).toBe(true);
    const byEmail = await crm.upsertContact({ name: "Ana Beatriz Souza", email: "ana.souza@GMAIL.com", company: "Padaria" });
    const byOldPhone = await crm.upsertContact({ name: "Ana Beatriz Souza", phone: "+551187654321" });
    expect([byEmail, byOldPhone]).toEqual([
      { crmContactId: first.crmContactId, created: false },
      { crmContactId: first.crmContactId, created: false },
    ]);
    expect(await db().contact.count({ where: { workspaceId } })).toBe(1);
    expect(await crm.findContactByPhone("+551187654321")).toMatchObject({ name: "Ana Beatriz Souza", company: "Padaria", email: "ana.souza@GMAIL.com" });
  });

  it("never creates two contacts for parallel upserts of the same person", async () => {
    const crm = createInternalCrm(workspaceId);
    const results = await Promise.all(Array.from({ length: 8 }, () => crm.upsertContact({ name: "Rahul Verma", phone: "+919876501234" })));
    expect(new Set(results.map((result) => result.crmContactId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await db().contact.count({ where: { workspaceId } })).toBe(1);
  });

  it("refuses a contact with neither email nor phone", async () => {
    await expect(createInternalCrm(workspaceId).upsertContact({ name: "Nobody" })).rejects.toBeInstanceOf(CrmPermanentError);
  });

  it("creates one lead per conversation, writes labeled scores and tasks", async () => {
    const crm = createInternalCrm(workspaceId);
    const { crmContactId } = await crm.upsertContact({ name: "Jorge Ruiz", email: "jorge@hostallaplaza.es" });
    const conversation = await db().conversation.create({
      data: { workspaceId, source: "import", contactWaId: "34612345678", firstMessageAt: new Date(), lastMessageAt: new Date() },
    });
    const lead = await crm.createLead({ crmContactId, conversationId: conversation.id, title: "Maintenance Plan" });
    expect(await crm.createLead({ crmContactId, conversationId: conversation.id, title: "again" })).toEqual({ crmLeadId: lead.crmLeadId, created: false });
    await crm.setLabeledScores(crmContactId, { leadScore: "High (0.82)", primaryObjection: "Timing", recommendedApproach: "Urgency alignment" });
    const due = new Date("2026-12-01T13:00:00Z");
    const followUpId = "3d1c9a6e-5b1f-4a77-9f0e-2c6b8e1d4f10";
    const task = await crm.createTask({ crmContactId, followUpId, dueAt: due, subject: "Call Jorge", priority: "HIGH", type: "CALL" });
    // A retry of the same follow-up finds the first task.
    expect(await crm.createTask({ crmContactId, followUpId, dueAt: due, subject: "Call Jorge", priority: "HIGH", type: "CALL" })).toEqual(task);
    expect(await db().contact.findUniqueOrThrow({ where: { id: crmContactId } })).toMatchObject({ leadScore: "High (0.82)", primaryObjection: "Timing" });
    expect(await db().crmTask.findUniqueOrThrow({ where: { id: task.crmTaskId } })).toMatchObject({ dueAt: due, priority: "HIGH", type: "CALL", contactId: crmContactId });
  });

  it("cannot touch another workspace's contact", async () => {
    const { crmContactId } = await createInternalCrm(workspaceId).upsertContact({ name: "Grace", email: "grace@adeyemifoods.ng" });
    const other = (await db().workspace.create({ data: { name: "x", slug: `crm-x-${seq}`, defaultCountry: "BR" } })).id;
    await expect(
      createInternalCrm(other).setLabeledScores(crmContactId, { leadScore: "Low (0.1)", primaryObjection: "None", recommendedApproach: "Nurture" }),
    ).rejects.toBeInstanceOf(CrmPermanentError);
    expect(await createInternalCrm(other).findContactByEmail("grace@adeyemifoods.ng")).toBeNull();
  });
});
