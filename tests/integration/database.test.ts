// The database layer against a real PostgreSQL: migrations match the schema,
// the constraints the product relies on hold, and the demo seed runs once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { applyMigrations, pendingSchemaChanges } from "@/lib/db/migrations";
import { seedDemoWorkspace } from "@/lib/demo/seed";
import { DEMO_CONVERSATIONS } from "@/lib/demo/conversations";
import { databaseUrl } from "@/lib/env";

async function makeConversation(slug: string) {
  const workspace = await db().workspace.create({ data: { name: slug, slug, defaultCountry: "BR" } });
  const conversation = await db().conversation.create({
    data: { workspaceId: workspace.id, source: "import", contactWaId: "5511987654321", firstMessageAt: new Date(), lastMessageAt: new Date() },
  });
  return { workspace, conversation };
}

describe("database", () => {
  it("has committed migrations that match prisma/schema.prisma", async () => {
    // A schema change without its migration fails here.
    expect(await pendingSchemaChanges(databaseUrl())).toBe("");
  });

  it("records migrations by folder name, as the Prisma CLI does, and repairs absolute names", async () => {
    const names = async () => (await db().$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`).map((row) => row.migration_name);
    const recorded = await names();
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((name) => /^\d{14}_[a-z0-9_]+$/.test(name))).toBe(true);
    // A database migrated by an older runner (or from another checkout path) is not migrated twice.
    await db().$executeRaw`UPDATE _prisma_migrations SET migration_name = '/old/checkout/prisma/migrations/' || migration_name`;
    expect(await applyMigrations(databaseUrl())).toEqual([]);
    expect(await names()).toEqual(recorded);
  });

  it("stores a provider message id once per workspace", async () => {
    const { workspace, conversation } = await makeConversation("unique-messages");
    const message = { workspaceId: workspace.id, conversationId: conversation.id, providerMessageId: "wamid.1", role: "user", body: "hi", sentAt: new Date() };
    await db().message.create({ data: message });
    await expect(db().message.create({ data: message })).rejects.toMatchObject({ code: "P2002" });
  });

  it("keeps one crm_links row per conversation and CRM", async () => {
    const { conversation } = await makeConversation("unique-links");
    await db().crmLink.create({ data: { conversationId: conversation.id, crmContactId: "c1" } });
    await db().crmLink.create({ data: { conversationId: conversation.id, crmContactId: "77", crmSystem: "hubspot" } });
    await expect(db().crmLink.create({ data: { conversationId: conversation.id, crmContactId: "c2" } })).rejects.toMatchObject({ code: "P2002" });
    const link = await db().crmLink.findFirstOrThrow({ where: { conversationId: conversation.id, crmSystem: "internal" } });
    expect(link.linkedAt).toBeInstanceOf(Date);
  });

  it("allows one contact per email and per phone in a workspace", async () => {
    const { workspace } = await makeConversation("unique-contacts");
    await db().contact.create({ data: { workspaceId: workspace.id, name: "Ana", emailNormalized: "ana@x.com", phoneE164: "+5511987654321" } });
    await expect(db().contact.create({ data: { workspaceId: workspace.id, name: "Ana 2", emailNormalized: "ana@x.com" } })).rejects.toMatchObject({ code: "P2002" });
    await expect(db().contact.create({ data: { workspaceId: workspace.id, name: "Ana 3", phoneE164: "+5511987654321" } })).rejects.toMatchObject({ code: "P2002" });
    // Contacts without an email or phone do not collide with each other.
    await db().contact.create({ data: { workspaceId: workspace.id, name: "No email 1", phoneE164: "+5511911111111" } });
    await db().contact.create({ data: { workspaceId: workspace.id, name: "No email 2", phoneE164: "+5511922222222" } });
  });
});

describe("demo seed", () => {
  it("fills only an empty database, once, even when started twice at the same time", async () => {
    await db().workspace.deleteMany();
    const [first, second] = await Promise.all([seedDemoWorkspace(), seedDemoWorkspace()]);
    const created = [first, second].filter((result) => result !== null);
    expect(created).toHaveLength(1);
    expect(await db().workspace.count()).toBe(1);
    expect(await db().conversation.count()).toBe(DEMO_CONVERSATIONS.length);
    expect(await db().leadProposal.count({ where: { status: "proposed" } })).toBeGreaterThan(15);
    const languages = await db().conversation.findMany({ distinct: ["language"], select: { language: true } });
    expect(languages.length).toBeGreaterThanOrEqual(5);
    expect(await seedDemoWorkspace()).toBeNull();
  });
});

describe("demo proposals", () => {
  it("come from the extractor and match what a reviewer would expect for nearly every demo lead", async () => {
    await db().workspace.deleteMany();
    await seedDemoWorkspace();
    const proposals = await db().leadProposal.findMany({ select: { name: true, status: true, conversation: { select: { externalId: true } } } });
    expect(proposals).toHaveLength(DEMO_CONVERSATIONS.length);
    const byKey = new Map(proposals.map((proposal) => [proposal.conversation.externalId, proposal]));
    const leads = DEMO_CONVERSATIONS.filter((demo) => demo.lead);
    const matching = leads.filter((demo) => byKey.get(`demo-${demo.key}`)?.name === demo.lead!.name);
    const misses = leads.filter((demo) => !matching.includes(demo)).map((demo) => `${demo.key}: ${byKey.get(`demo-${demo.key}`)?.name}`);
    expect(matching.length / leads.length, misses.join("; ")).toBeGreaterThanOrEqual(0.9);
    expect(proposals.filter((proposal) => proposal.status === "insufficient").length).toBeGreaterThanOrEqual(2);
  });
});
