// Contacts through the HubSpot adapter against the local fake HubSpot: what a
// HubSpot user would see in their contact list after LeadBridge syncs.
import { afterEach, describe, expect, it } from "vitest";
import { FakeHubSpot, type FakeHubSpotOptions } from "@/tests/fakes/hubspot-server";
import { inProcessCoordination } from "@/tests/support/crm-coordination";
import { HubSpotCrmAdapter } from "./adapter";

let fake: FakeHubSpot;

async function setup(options: FakeHubSpotOptions = {}) {
  fake = new FakeHubSpot(options);
  await fake.start();
  return new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, coordination: inProcessCoordination() });
}

afterEach(async () => {
  await fake?.stop();
});

describe("HubSpot adapter: contacts", () => {
  it("creates a new contact with name, email, phone and company", async () => {
    const crm = await setup();
    const result = await crm.upsertContact({ name: "Ana Paula Souza", email: " Ana@Example.com ", phone: "+5511987654321", company: "Loja Azul" });

    expect(result.created).toBe(true);
    const stored = fake.objects.contacts.get(result.crmContactId);
    expect(stored?.properties).toMatchObject({
      firstname: "Ana", lastname: "Paula Souza", email: "ana@example.com", phone: "+5511987654321", company: "Loja Azul",
    });
    expect(await crm.findContactByEmail("ANA@example.com")).toEqual({
      crmContactId: result.crmContactId, name: "Ana Paula Souza", email: "ana@example.com", phone: "+5511987654321", company: "Loja Azul",
    });
  });

  it("updates the contact a salesperson already has instead of creating a duplicate", async () => {
    const crm = await setup();
    const existingId = fake.seed("contacts", { email: "joao@example.com", firstname: "João" });

    const result = await crm.upsertContact({ name: "João Lima", email: "joao@example.com", company: "Padaria Sol" });

    expect(result).toEqual({ crmContactId: existingId, created: false });
    expect(fake.contactsWith("email", "joao@example.com")).toHaveLength(1);
    expect(fake.objects.contacts.get(existingId)?.properties).toMatchObject({ lastname: "Lima", company: "Padaria Sol" });
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/crm/v3/objects/contacts")).toHaveLength(0);
  });

  it("resolves HubSpot's 409 'Contact already exists. Existing ID' to that contact when search has not indexed it yet", async () => {
    const crm = await setup({ searchLagMs: 60_000 });
    const existingId = fake.seed("contacts", { email: "maria@example.com", firstname: "Maria" }, Date.now());

    const result = await crm.upsertContact({ name: "Maria Costa", email: "maria@example.com", phone: "+5521999990000" });

    expect(fake.requests.some((r) => r.status === 409)).toBe(true);
    expect(result).toEqual({ crmContactId: existingId, created: false });
    expect(fake.contactsWith("email", "maria@example.com")).toHaveLength(1);
    expect(fake.objects.contacts.get(existingId)?.properties.phone).toBe("+5521999990000");
  });

  it("matches phone-only contacts by phone (or mobile phone) and later attaches the email to the same contact", async () => {
    const crm = await setup();
    const first = await crm.upsertContact({ name: "Carlos", phone: "+5531988887777" });
    expect(first.created).toBe(true);

    const again = await crm.upsertContact({ name: "Carlos Mendes", phone: "+5531988887777" });
    const withEmail = await crm.upsertContact({ name: "Carlos Mendes", phone: "+5531988887777", email: "carlos@example.com" });

    expect(again).toEqual({ crmContactId: first.crmContactId, created: false });
    expect(withEmail).toEqual({ crmContactId: first.crmContactId, created: false });
    expect(fake.objects.contacts.size).toBe(1);
    expect(fake.objects.contacts.get(first.crmContactId)?.properties).toMatchObject({ email: "carlos@example.com", lastname: "Mendes" });

    const typedAsMobile = fake.seed("contacts", { firstname: "Bia", mobilephone: "+5541977776666" });
    expect((await crm.findContactByPhone("+5541977776666"))?.crmContactId).toBe(typedAsMobile);
    expect(await crm.findContactByPhone("+5599000000000")).toBeNull();
  });

  it("creates a phone-only contact once, found by our key even before search has indexed it, in the number's form of today", async () => {
    const crm = await setup({ searchLagMs: 60_000 });
    // A Brazilian mobile written without its 9th digit, then with it: one person.
    const first = await crm.upsertContact({ name: "Rosa", phone: "+551187654321" });
    const again = await crm.upsertContact({ name: "Rosa Lima", phone: "+5511987654321" });

    expect(first.created).toBe(true);
    expect(again).toEqual({ crmContactId: first.crmContactId, created: false });
    expect(fake.objects.contacts.size).toBe(1);
    expect(fake.objects.contacts.get(first.crmContactId)?.properties).toMatchObject({ leadbridge_phone: "+5511987654321", lastname: "Lima" });
  });

  it("writes a phone-only contact from one process at a time per account and phone: two at once make one contact", async () => {
    fake = new FakeHubSpot({ searchLagMs: 60_000 });
    await fake.start();
    // The coordination two processes share (PostgreSQL in production).
    const coordination = inProcessCoordination();
    const processes = [0, 1].map(() => new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, coordination }));
    await processes[0]!.ensureCustomProperties();
    await processes[1]!.ensureCustomProperties();

    const results = await Promise.all(processes.map((crm) => crm.upsertContact({ name: "Rosa", phone: "+5511987654321" })));

    expect(new Set(results.map((result) => result.crmContactId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(fake.objects.contacts.size).toBe(1);
    // The second waited for the first, found its contact by our key and only updated it.
    expect(fake.requests.filter((r) => r.path === "/crm/v3/objects/contacts/batch/upsert")).toHaveLength(1);
  });

  it("fails only the contact HubSpot rejects in a batch, with HubSpot's reason; the others are upserted", async () => {
    const crm = await setup();

    const results = await crm.upsertContacts([
      { name: "Ana", email: "ana@example.com" },
      { name: "Typo", email: "typo@@example" },
      { name: "Caio", email: "caio@example.com" },
      { name: "Nobody" },
    ]);

    expect(results[0]).toMatchObject({ ok: true, created: true });
    expect(results[1]).toEqual({ ok: false, reason: expect.stringContaining("Email address typo@@example is invalid") });
    expect(results[2]).toMatchObject({ ok: true, created: true });
    expect(results[3]).toEqual({ ok: false, reason: expect.stringMatching(/neither email nor phone/) });
    expect([...fake.objects.contacts.values()].map((contact) => contact.properties.email).sort()).toEqual(["ana@example.com", "caio@example.com"]);
  });

  it("refuses a contact with neither email nor phone, without calling HubSpot", async () => {
    const crm = await setup();
    await expect(crm.upsertContact({ name: "Nobody" })).rejects.toMatchObject({ name: "CrmPermanentError" });
    expect(fake.requests).toHaveLength(0);
  });

  it("upserts 250 contacts in batches of at most 100, in input order, without duplicating existing ones", async () => {
    const crm = await setup();
    const seeded = Array.from({ length: 30 }, (_, i) => fake.seed("contacts", { email: `lead${i}@example.com` }));
    const inputs = Array.from({ length: 250 }, (_, i) => ({ name: `Lead ${i}`, email: `Lead${i}@example.com` }));

    const results = await crm.upsertContacts(inputs);

    const batches = fake.requests.filter((r) => r.path === "/crm/v3/objects/contacts/batch/upsert");
    expect(batches.map((r) => (r.body as { inputs: unknown[] }).inputs.length)).toEqual([100, 100, 50]);
    expect(fake.objects.contacts.size).toBe(250);
    expect(results.slice(0, 30)).toEqual(seeded.map((id) => ({ ok: true, crmContactId: id, created: false })));
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(220);
    results.forEach((result, i) => expect(result.ok && fake.objects.contacts.get(result.crmContactId)?.properties.email).toBe(`lead${i}@example.com`));

    const rerun = await crm.upsertContacts(inputs);
    expect(rerun.every((r) => r.ok && !r.created)).toBe(true);
    expect(fake.objects.contacts.size).toBe(250);
  });

  it("in a batch, sends phone-only contacts through search and counts a repeated email once", async () => {
    const crm = await setup();
    const phoneOwner = fake.seed("contacts", { phone: "+5511911112222" });

    const results = await crm.upsertContacts([
      { name: "Rita", email: "rita@example.com" },
      { name: "Phone Only", phone: "+5511911112222" },
      { name: "Rita Again", email: "RITA@example.com" },
    ]);

    expect(results[1]).toEqual({ ok: true, crmContactId: phoneOwner, created: false });
    expect(results[0]).toMatchObject({ ok: true, created: true });
    const rita = results[0]!.ok ? results[0]!.crmContactId : "";
    expect(results[2]).toEqual({ ok: true, crmContactId: rita, created: false });
    expect(fake.objects.contacts.size).toBe(2);
    // The phone-only contact now carries our key, so the next sync finds it without search.
    expect(fake.objects.contacts.get(phoneOwner)?.properties.leadbridge_phone).toBe("+5511911112222");
  });
});
