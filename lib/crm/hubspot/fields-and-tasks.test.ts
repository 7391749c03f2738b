// Custom fields, labeled scores, leads (deals) and follow-up tasks through the
// HubSpot adapter against the local fake HubSpot.
import { afterEach, describe, expect, it } from "vitest";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { inProcessCoordination } from "@/tests/support/crm-coordination";
import { HubSpotCrmAdapter } from "./adapter";
import { createHubSpotGateway } from "./gateway";
import { ensureCustomProperties, PROPERTY_OBJECT_TYPES } from "./properties";

let fake: FakeHubSpot;

async function setup() {
  fake = new FakeHubSpot();
  await fake.start();
  return new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, coordination: inProcessCoordination() });
}

/**
 * Another process's check of our fields (an adapter checks each account once
 * per process, so a second adapter here would reuse the first one's check).
 */
async function checkFromAnotherProcess(): Promise<{ created: string[] }> {
  const gateway = createHubSpotGateway({ accessToken: fake.accessToken, basePath: fake.url, coordination: inProcessCoordination() });
  const created = await Promise.all(PROPERTY_OBJECT_TYPES.map((type) => ensureCustomProperties(gateway, type)));
  return { created: created.flat() };
}

const propertyCreations = () => fake.requests.filter((r) => r.method === "POST" && /^\/crm\/v3\/properties\/\w+$/.test(r.path));

afterEach(async () => {
  await fake?.stop();
});

describe("HubSpot adapter: custom properties", () => {
  it("creates LeadBridge's fields in a LeadBridge group once; a second run creates nothing", async () => {
    const crm = await setup();
    const first = await crm.ensureCustomProperties();

    expect(first.created.sort()).toEqual([
      "leadbridge_conversation_id", "leadbridge_follow_up_id", "leadbridge_lead_score", "leadbridge_phone", "leadbridge_primary_objection", "leadbridge_recommended_approach",
    ]);
    expect(fake.groups.contacts.get("leadbridge")?.label).toBe("LeadBridge");
    expect(fake.properties.contacts.get("leadbridge_lead_score")).toMatchObject({ label: "Lead Score", type: "string", groupName: "leadbridge" });
    expect(fake.properties.contacts.get("leadbridge_primary_objection")?.label).toBe("Primary Objection");
    expect(fake.properties.contacts.get("leadbridge_recommended_approach")?.label).toBe("Recommended Approach");
    expect(fake.properties.deals.get("leadbridge_conversation_id")).toMatchObject({ groupName: "leadbridge", hasUniqueValue: true });
    // Our keys: a task per follow-up, a phone-only contact per phone.
    expect(fake.properties.tasks.get("leadbridge_follow_up_id")).toMatchObject({ groupName: "leadbridge", hasUniqueValue: true });
    expect(fake.properties.contacts.get("leadbridge_phone")).toMatchObject({ groupName: "leadbridge", hasUniqueValue: true });

    // This process does not check again; another process finds them all and creates nothing.
    const requestsBefore = fake.requests.length;
    const sameAccount = new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, coordination: inProcessCoordination() });
    expect(await sameAccount.ensureCustomProperties()).toEqual({ created: [] });
    expect(fake.requests).toHaveLength(requestsBefore);
    const creationsBefore = propertyCreations().length;
    expect(await checkFromAnotherProcess()).toEqual({ created: [] });
    expect(propertyCreations()).toHaveLength(creationsBefore);
    expect(fake.requests.filter((r) => r.status === 409)).toHaveLength(0);
  });

  it("lets two processes ensure the fields at once: both succeed (409 is fine) and each field exists once", async () => {
    const crm = await setup();
    const [mine, theirs] = await Promise.all([crm.ensureCustomProperties(), checkFromAnotherProcess()]);

    expect([...mine.created, ...theirs.created].sort()).toEqual([
      "leadbridge_conversation_id", "leadbridge_follow_up_id", "leadbridge_lead_score", "leadbridge_phone", "leadbridge_primary_objection", "leadbridge_recommended_approach",
    ]);
    expect(fake.requests.filter((r) => r.status === 409).length).toBeGreaterThan(0);
    expect([...fake.properties.contacts.keys()].filter((name) => name.startsWith("leadbridge_"))).toHaveLength(4);
  });
});

describe("HubSpot adapter: labeled scores", () => {
  it("writes Lead Score, Primary Objection and Recommended Approach as words on the contact", async () => {
    const crm = await setup();
    const { crmContactId } = await crm.upsertContact({ name: "Ana", email: "ana@example.com" });

    await crm.setLabeledScores(crmContactId, {
      leadScore: "Hot: asked for the price twice",
      primaryObjection: "Price",
      recommendedApproach: "Offer the 3-month plan with a discount before Friday",
    });

    expect(fake.objects.contacts.get(crmContactId)?.properties).toMatchObject({
      leadbridge_lead_score: "Hot: asked for the price twice",
      leadbridge_primary_objection: "Price",
      leadbridge_recommended_approach: "Offer the 3-month plan with a discount before Friday",
    });
  });

  it("refuses a bare number as a score before calling HubSpot", async () => {
    const crm = await setup();
    const { crmContactId } = await crm.upsertContact({ name: "Ana", email: "ana@example.com" });
    const before = fake.requests.length;

    await expect(crm.setLabeledScores(crmContactId, { leadScore: "82", primaryObjection: "Price", recommendedApproach: "Call" }))
      .rejects.toMatchObject({ name: "CrmPermanentError", retryable: false });
    expect(fake.requests).toHaveLength(before);
    expect(fake.objects.contacts.get(crmContactId)?.properties.leadbridge_lead_score).toBeUndefined();
  });
});

describe("HubSpot adapter: leads and tasks", () => {
  it("creates one deal per conversation, associated with the contact, even when asked twice", async () => {
    const crm = await setup();
    const { crmContactId } = await crm.upsertContact({ name: "Ana", email: "ana@example.com" });

    const first = await crm.createLead({ crmContactId, conversationId: "conv-1", title: "Ana: 20 cases of coffee" });
    const retried = await crm.createLead({ crmContactId, conversationId: "conv-1", title: "Ana: 20 cases of coffee" });

    expect(first.created).toBe(true);
    expect(retried).toEqual({ crmLeadId: first.crmLeadId, created: false });
    expect(fake.objects.deals.size).toBe(1);
    expect(fake.objects.deals.get(first.crmLeadId)?.properties).toMatchObject({
      dealname: "Ana: 20 cases of coffee", pipeline: "default", dealstage: "appointmentscheduled", leadbridge_conversation_id: "conv-1",
    });
    expect(fake.associationsOf("deals", first.crmLeadId)).toEqual([
      { fromType: "deals", fromId: first.crmLeadId, toType: "contacts", toId: crmContactId, associationTypeId: 3 },
    ]);
  });

  it("still makes one deal when a retry comes before HubSpot's search has indexed the first", async () => {
    fake = new FakeHubSpot({ searchLagMs: 60_000 });
    await fake.start();
    const crm = new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, coordination: inProcessCoordination() });
    const crmContactId = fake.seed("contacts", { email: "ana@example.com" });

    const first = await crm.createLead({ crmContactId, conversationId: "conv-9", title: "Ana: coffee" });
    const retried = await crm.createLead({ crmContactId, conversationId: "conv-9", title: "Ana: coffee" });

    expect(first.created).toBe(true);
    expect(retried).toEqual({ crmLeadId: first.crmLeadId, created: false });
    expect(fake.objects.deals.size).toBe(1);
    expect(fake.properties.deals.get("leadbridge_conversation_id")?.hasUniqueValue).toBe(true);
    expect(fake.associationsOf("deals", first.crmLeadId)).toHaveLength(1);
  });

  it("completes the association when an earlier attempt made the deal but not the link", async () => {
    const crm = await setup();
    await crm.ensureCustomProperties();
    const crmContactId = fake.seed("contacts", { email: "ana@example.com" });
    const orphanDeal = fake.seed("deals", { dealname: "Ana: coffee", dealstage: "qualifiedtobuy", leadbridge_conversation_id: "conv-7" });

    const result = await crm.createLead({ crmContactId, conversationId: "conv-7", title: "Ana: coffee" });

    expect(result).toEqual({ crmLeadId: orphanDeal, created: false });
    // Found by our key, so a stage the salesperson set is left alone.
    expect(fake.objects.deals.get(orphanDeal)?.properties.dealstage).toBe("qualifiedtobuy");
    expect(fake.associationsOf("deals", orphanDeal)).toEqual([
      { fromType: "deals", fromId: orphanDeal, toType: "contacts", toId: crmContactId, associationTypeId: 3 },
    ]);
  });

  it("creates a task due at the follow-up time, associated with the contact (type 204)", async () => {
    const crm = await setup();
    const { crmContactId } = await crm.upsertContact({ name: "Ana", email: "ana@example.com" });
    const dueAt = new Date("2026-12-01T13:30:00.000Z");

    const { crmTaskId } = await crm.createTask({
      crmContactId, followUpId: "7f0c8a52-8d5e-4d43-a7d9-0b1f6f0e5a11", dueAt, subject: "Call Ana about the discount", body: "She asked for a price for 20 cases.", priority: "HIGH", type: "CALL",
    });

    expect(fake.objects.tasks.get(crmTaskId)?.properties).toMatchObject({
      hs_timestamp: "2026-12-01T13:30:00.000Z",
      hs_task_subject: "Call Ana about the discount",
      hs_task_body: "She asked for a price for 20 cases.",
      hs_task_status: "NOT_STARTED",
      hs_task_priority: "HIGH",
      hs_task_type: "CALL",
    });
    expect(fake.associationsOf("tasks", crmTaskId)).toEqual([
      { fromType: "tasks", fromId: crmTaskId, toType: "contacts", toId: crmContactId, associationTypeId: 204 },
    ]);
  });
});
describe("HubSpot adapter: fields checked per operation", () => {
  it("a task field HubSpot refuses fails the follow-up task, not the lead's deal and scores", async () => {
    fake = new FakeHubSpot({ refusePropertiesOn: ["tasks"] });
    await fake.start();
    const crm = new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, coordination: inProcessCoordination() });
    const { crmContactId } = await crm.upsertContact({ name: "Ana", email: "ana@example.com" });

    const lead = await crm.createLead({ crmContactId, conversationId: "conv-fields", title: "Ana: battery" });
    await crm.setLabeledScores(crmContactId, { leadScore: "Warm", primaryObjection: "Timing", recommendedApproach: "Call next week" });
    const task = crm.createTask({ crmContactId, followUpId: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", dueAt: new Date("2026-12-01T13:30:00Z"), subject: "Call Ana", priority: "LOW", type: "TODO" });

    expect(lead.created).toBe(true);
    expect(fake.objects.contacts.get(crmContactId)?.properties.leadbridge_lead_score).toBe("Warm");
    await expect(task).rejects.toMatchObject({ name: "CrmPermanentError", reason: expect.stringContaining("custom properties are not allowed") });
    expect(fake.objects.tasks.size).toBe(0);
  });
});

describe("HubSpot adapter: one task per follow-up", () => {
  const followUpId = "5b2e7c1a-0d4f-4e8a-b6c3-9a1d2e3f4a5b";

  it("finds the task a crashed attempt made and only completes its association", async () => {
    const crm = await setup();
    const { crmContactId } = await crm.upsertContact({ name: "Ana", email: "ana@example.com" });
    const input = { crmContactId, followUpId, dueAt: new Date("2026-12-01T13:30:00.000Z"), subject: "Call Ana", priority: "HIGH", type: "CALL" } as const;
    const first = await crm.createTask(input);
    // The attempt died after HubSpot made the task, before the association.
    fake.associations.splice(0, fake.associations.length);

    const retried = await crm.createTask(input);

    expect(retried).toEqual(first);
    expect(fake.objects.tasks.size).toBe(1);
    expect(fake.objects.tasks.get(first.crmTaskId)?.properties.leadbridge_follow_up_id).toBe(followUpId);
    expect(fake.associationsOf("tasks", first.crmTaskId)).toEqual([
      { fromType: "tasks", fromId: first.crmTaskId, toType: "contacts", toId: crmContactId, associationTypeId: 204 },
    ]);
  });

  it("makes one task when two processes create the same follow-up's task at once", async () => {
    const crm = await setup();
    const other = new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, coordination: inProcessCoordination() });
    const crmContactId = fake.seed("contacts", { email: "bo@example.com" });
    const input = { crmContactId, followUpId, dueAt: new Date("2026-12-02T13:30:00.000Z"), subject: "Call Bo", priority: "LOW", type: "TODO" } as const;
    await crm.ensureCustomProperties();
    await other.ensureCustomProperties();

    const [mine, theirs] = await Promise.all([crm.createTask(input), other.createTask(input)]);

    expect(mine).toEqual(theirs);
    expect(fake.objects.tasks.size).toBe(1);
  });
});
