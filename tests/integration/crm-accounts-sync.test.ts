// Each workspace its own CRM account, end to end through the real services:
// WhatsApp conversations are extracted, owned by the workspace's rules,
// approved, and synced by the background runner. Two workspaces on two fake
// HubSpot accounts (one address, told apart by token) each land in their own
// account only; a third, with no connection, uses the internal CRM. Every
// synced contact carries exactly one note with the conversation and a link
// back; the lead's owner owns the contact, deal, note and follow-up task when
// the account has a HubSpot user with that email; what a salesperson typed in
// HubSpot is kept.
import { beforeAll, describe, expect, it } from "vitest";
import { crmSystemFor } from "@/lib/crm/adapters";
import { db } from "@/lib/db/client";
import { crmLeadNoteMarker } from "@/lib/crm/lead-record";
import { recordLeadNote, loadSyncPlan } from "@/lib/crm/sync";
import { drainDueWork } from "@/lib/jobs/drain";
import { syncLeadJob } from "@/lib/jobs/sync-lead";
import { extractLead } from "@/lib/leads/extract-lead";
import { approveProposal, UNDO_WINDOW_MS } from "@/lib/leads/review";
import { runBulkAction } from "@/lib/leads/bulk";
import { createWorkspace } from "@/lib/workspaces/create";
import { FakeHubSpotAccounts } from "@/tests/fakes/hubspot-accounts";
import type { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { connectHubSpot, TEST_ACTOR } from "@/tests/support/crm";
import { withFakeHubSpot } from "@/tests/support/hubspot";
import { twoWorkspaces } from "@/tests/support/people";

const hubspot = new FakeHubSpotAccounts();
const alphaAccount = hubspot.addAccount({ accessToken: "pat-na1-alpha-0000-4000-8000-000000000001", portalId: 6610001, portalName: "Alpha Solar" });
const betaAccount = hubspot.addAccount({ accessToken: "pat-na1-beta-00000-4000-8000-000000000002", portalId: 6620002, portalName: "Beta Cars" });
const APP_URL = "https://leads.example.com";
let world: Awaited<ReturnType<typeof twoWorkspaces>>;
let gammaId: string;
let alphaReviewerOwnerId: string;
const leads: Record<"alpha1" | "alpha2" | "beta1" | "gamma1", { proposalId: string; conversationId: string }> = {} as never;
let seq = 0;

/** A WhatsApp conversation from days ago, extracted by the embedded extractor; returns its proposal. */
async function conversation(workspaceId: string, waId: string, messages: string[]) {
  seq += 1;
  const start = Date.parse("2026-03-05T14:00:00Z") + seq * 3_600_000;
  const created = await db().conversation.create({
    data: { workspaceId, source: "import", language: "en", contactWaId: waId, contactProfileName: "Prospect", firstMessageAt: new Date(start), lastMessageAt: new Date(start + messages.length * 60_000), lastUserMessageAt: new Date(start + (messages.length - 1) * 60_000) },
  });
  await db().message.createMany({
    data: messages.map((body, index) => ({ workspaceId, conversationId: created.id, providerMessageId: `wamid.accounts.${seq}.${index}`, role: "user", body, sentAt: new Date(start + index * 60_000) })),
  });
  const extracted = await extractLead(workspaceId, created.id);
  expect(extracted.status).toBe("proposed");
  return { proposalId: extracted.proposalId!, conversationId: created.id };
}

async function approve(workspaceId: string, proposalId: string) {
  const { version } = await db().leadProposal.findUniqueOrThrow({ where: { id: proposalId }, select: { version: true } });
  await approveProposal({ workspaceId, proposalId, expectedVersion: version, actor: TEST_ACTOR, now: new Date(Date.now() - UNDO_WINDOW_MS - 1_000) });
}

/** Runs the background runner until no sync or follow-up work is left (retries become due as the clock moves on). */
async function drainAll() {
  let clock = Date.now() + 5 * 60_000;
  for (let round = 0; round < 20; round++) {
    await drainDueWork({ worker: `accounts-${round}`, now: () => new Date(clock) });
    clock += 10 * 60_000;
    // Work retried meanwhile is due again by the next round; follow-ups due days from now (nurture) wait.
    const left = await db().outboxItem.count({ where: { kind: { in: ["sync_lead", "follow_up_due"] }, status: { in: ["pending", "claimed"] }, availableAt: { lte: new Date(clock) } } });
    if (left === 0) return;
  }
  const stuck = await db().outboxItem.findMany({ where: { status: { not: "done" } }, select: { kind: true, status: true, lastError: true, attempts: true } });
  throw new Error(`background work did not finish: ${JSON.stringify(stuck)}`);
}

const contactsOf = (account: FakeHubSpot) => [...account.objects.contacts.values()];
const notesOn = (account: FakeHubSpot, contactId: string) =>
  account.associations.filter((a) => a.fromType === "notes" && a.toType === "contacts" && a.toId === contactId).map((a) => account.objects.notes.get(a.fromId)!);

// The retired deployment-wide token is still set, naming Beta's account: it is no
// fallback, so the workspace with no connection (Gamma) stays on the internal CRM.
withFakeHubSpot(hubspot, { APP_URL, CRM_PROVIDER: "hubspot", HUBSPOT_ACCESS_TOKEN: betaAccount.accessToken });

beforeAll(async () => {
  world = await twoWorkspaces();
  gammaId = (await createWorkspace({ name: "Gamma Internal", whatsappPhoneNumberId: "200000000000003", defaultCountry: "US", admin: { email: "admin@gamma.test", password: "correct horse battery" } })).workspaceId;
  for (const id of [world.a.workspaceId, world.b.workspaceId, gammaId]) await db().workspace.update({ where: { id }, data: { products: ["Solar Panel Kit", "Home Battery"] } });
  await connectHubSpot(world.a.workspaceId, alphaAccount.accessToken);
  await connectHubSpot(world.b.workspaceId, betaAccount.accessToken);
  alphaReviewerOwnerId = alphaAccount.addOwner({ email: "Reviewer@Alpha.test", firstName: "Rita", lastName: "Reviewer" });
  betaAccount.addOwner({ email: "someone.else@beta.test" });
  // New Alpha leads go to Alpha's reviewer by the workspace's rules.
  await db().workspace.update({ where: { id: world.a.workspaceId }, data: { ownerRules: { roundRobin: [world.reviewerA.userId] } } });

  // A salesperson already has Meg in Alpha's HubSpot, typed their own way.
  alphaAccount.seed("contacts", { email: "meg@carter.example", firstname: "Margaret", company: "Carter & Sons Bakery" });

  leads.alpha1 = await conversation(world.a.workspaceId, "12127363100", [
    "Hi, I'm Meg Carter from Carter Bakery, interested in the Solar Panel Kit. My email is meg@carter.example",
    "I'm busy this week, call me Tuesday at 3pm",
  ]);
  leads.alpha2 = await conversation(world.a.workspaceId, "12127363101", ["Hello, Tom Reyes here, I want a Home Battery quote. tom.reyes@example.com"]);
  leads.beta1 = await conversation(world.b.workspaceId, "12127363102", ["Hi, this is Lucy Park, I'd like the Solar Panel Kit. lucy.park@example.com"]);
  leads.gamma1 = await conversation(gammaId, "12127363103", ["Hi, Sam Ortiz here, please send me a Home Battery quote. sam.ortiz@example.com"]);
  // Beta's lead is its admin's, who has no HubSpot user in Beta's account.
  await runBulkAction(world.b.workspaceId, { action: "assign", ownerId: world.adminB.userId, selection: { ids: [leads.beta1.proposalId] } }, { ...TEST_ACTOR, viewerId: null });
  const gammaAdmin = await db().user.findUniqueOrThrow({ where: { email: "admin@gamma.test" } });
  await runBulkAction(gammaId, { action: "assign", ownerId: gammaAdmin.id, selection: { ids: [leads.gamma1.proposalId] } }, { ...TEST_ACTOR, viewerId: null });

  for (const [workspaceId, lead] of [[world.a.workspaceId, leads.alpha1], [world.a.workspaceId, leads.alpha2], [world.b.workspaceId, leads.beta1], [gammaId, leads.gamma1]] as const) {
    await approve(workspaceId, lead.proposalId);
  }
  await drainAll();
}, 120_000);


describe("each workspace syncs into its own CRM account", () => {
  it("puts each workspace's leads in its own account only, linked per account", async () => {
    expect(await db().leadProposal.count({ where: { syncStatus: "synced" } })).toBe(4);
    expect(contactsOf(alphaAccount).map((contact) => contact.properties.email).sort()).toEqual(["meg@carter.example", "tom.reyes@example.com"]);
    expect(contactsOf(betaAccount).map((contact) => contact.properties.email)).toEqual(["lucy.park@example.com"]);
    expect(alphaAccount.objects.deals.size).toBe(2);
    expect(betaAccount.objects.deals.size).toBe(1);
    // Nobody else's token reached an account.
    expect(hubspot.refused).toEqual([]);

    const links = await db().crmLink.findMany({ select: { conversationId: true, crmSystem: true, crmAccount: true } });
    expect(links).toHaveLength(4);
    expect(links.find((link) => link.conversationId === leads.alpha1.conversationId)).toMatchObject({ crmSystem: "hubspot", crmAccount: "hubspot:6610001" });
    expect(links.find((link) => link.conversationId === leads.beta1.conversationId)).toMatchObject({ crmSystem: "hubspot", crmAccount: "hubspot:6620002" });
    expect(links.find((link) => link.conversationId === leads.gamma1.conversationId)).toMatchObject({ crmSystem: "internal", crmAccount: `internal:${gammaId}` });
  });

  it("uses the internal CRM for a workspace with no connection (the old token is no fallback), with the owner and the note", async () => {
    expect(await crmSystemFor(gammaId)).toBe("internal");
    const gammaAdmin = await db().user.findUniqueOrThrow({ where: { email: "admin@gamma.test" } });
    const contact = await db().contact.findFirstOrThrow({ where: { workspaceId: gammaId, emailNormalized: "sam.ortiz@example.com" } });
    expect(contact.ownerId).toBe(gammaAdmin.id);
    const lead = await db().crmLead.findUniqueOrThrow({ where: { conversationId: leads.gamma1.conversationId } });
    expect(lead.ownerId).toBe(gammaAdmin.id);
    expect(lead.note).toContain("Home Battery");
    expect(lead.note).toContain("Sam Ortiz here, please send me a Home Battery quote");
    expect(lead.note).toContain(`${APP_URL}/leads/${leads.gamma1.proposalId}`);
    for (const account of [alphaAccount, betaAccount]) expect(account.contactsWith("email", "sam.ortiz@example.com")).toEqual([]);
  });
});

describe("the record carries the conversation", () => {
  it("gives every synced contact exactly one note with the summary, scores, quotes, last messages and a link back", async () => {
    for (const [account, lead] of [[alphaAccount, leads.alpha1], [alphaAccount, leads.alpha2], [betaAccount, leads.beta1]] as const) {
      const link = await db().crmLink.findFirstOrThrow({ where: { conversationId: lead.conversationId } });
      const notes = notesOn(account, link.crmContactId);
      expect(notes).toHaveLength(1);
      const body = notes[0]!.properties.hs_note_body!;
      expect(body).toContain(`href="${APP_URL}/leads/${lead.proposalId}"`);
      expect(body).toContain(crmLeadNoteMarker(lead.proposalId));
      expect(body).toContain("Lead Score:");
      // Also on the deal.
      expect(account.associations.some((a) => a.fromType === "notes" && a.fromId === notes[0]!.id && a.toType === "deals" && a.toId === link.crmLeadId)).toBe(true);
    }
    const megLink = await db().crmLink.findFirstOrThrow({ where: { conversationId: leads.alpha1.conversationId } });
    const megNote = notesOn(alphaAccount, megLink.crmContactId)[0]!.properties.hs_note_body!;
    expect(megNote).toContain("Wants: Solar Panel Kit");
    expect(megNote).toContain("call me Tuesday at 3pm");
    expect(megNote).toContain("In their words");
  });

  it("makes the note once: a second sync of the same leads and a repeated note step find the first", async () => {
    for (const lead of [leads.alpha1, leads.alpha2]) await syncLeadJob.enqueue(db(), { leadProposalId: lead.proposalId }, { workspaceId: world.a.workspaceId });
    await drainAll();
    const plan = await loadSyncPlan(leads.alpha2.proposalId);
    const link = await db().crmLink.findFirstOrThrow({ where: { conversationId: leads.alpha2.conversationId } });
    const again = await recordLeadNote(plan, link.crmContactId, link.crmLeadId);

    expect(alphaAccount.objects.notes.size).toBe(2);
    expect(again).toBe(notesOn(alphaAccount, link.crmContactId)[0]!.id);
    expect(alphaAccount.objects.deals.size).toBe(2);
    expect(contactsOf(alphaAccount)).toHaveLength(2);
  });

  it("makes one note when two runs add it at the same moment", async () => {
    const plan = await loadSyncPlan(leads.alpha2.proposalId);
    const link = await db().crmLink.findFirstOrThrow({ where: { conversationId: leads.alpha2.conversationId } });
    // As if the note had never been made: a retry overlaps a run that lost its claim, both at the note step.
    const [made] = notesOn(alphaAccount, link.crmContactId);
    alphaAccount.objects.notes.delete(made!.id);
    for (let i = alphaAccount.associations.length - 1; i >= 0; i--) if (alphaAccount.associations[i]!.fromId === made!.id) alphaAccount.associations.splice(i, 1);

    const [one, other] = await Promise.all([recordLeadNote(plan, link.crmContactId, link.crmLeadId), recordLeadNote(plan, link.crmContactId, link.crmLeadId)]);

    expect(one).toBe(other);
    expect(notesOn(alphaAccount, link.crmContactId).map((note) => note.id)).toEqual([one]);
  });

  it("finds the lead's note behind hundreds of others on the contact (HubSpot lists 500 a page)", async () => {
    const plan = await loadSyncPlan(leads.alpha2.proposalId);
    const link = await db().crmLink.findFirstOrThrow({ where: { conversationId: leads.alpha2.conversationId } });
    const [ours] = notesOn(alphaAccount, link.crmContactId);
    // Salespeople's notes, then ours listed last: past the first page.
    for (let i = 0; i < 520; i++) {
      const id = alphaAccount.seed("notes", { hs_note_body: `Called, no answer (${i})` });
      alphaAccount.associations.push({ fromType: "notes", fromId: id, toType: "contacts", toId: link.crmContactId, associationTypeId: 202 });
    }
    const oursLinks = alphaAccount.associations.filter((association) => association.fromId === ours!.id);
    for (const association of oursLinks) alphaAccount.associations.splice(alphaAccount.associations.indexOf(association), 1);
    alphaAccount.associations.push(...oursLinks);
    const notesBefore = alphaAccount.objects.notes.size;

    expect(await recordLeadNote(plan, link.crmContactId, link.crmLeadId)).toBe(ours!.id);
    expect(alphaAccount.objects.notes.size).toBe(notesBefore);
  });
});

describe("owners and values typed in the CRM", () => {
  it("gives the contact, deal, note and follow-up task to the owner's HubSpot user, matched by email", async () => {
    const megLead = await db().leadProposal.findUniqueOrThrow({ where: { id: leads.alpha1.proposalId } });
    expect(megLead.ownerId).toBe(world.reviewerA.userId);
    const link = await db().crmLink.findFirstOrThrow({ where: { conversationId: leads.alpha1.conversationId } });
    expect(alphaAccount.objects.deals.get(link.crmLeadId!)?.properties.hubspot_owner_id).toBe(alphaReviewerOwnerId);
    expect(notesOn(alphaAccount, link.crmContactId)[0]!.properties.hubspot_owner_id).toBe(alphaReviewerOwnerId);
    // Tom's contact was ours from the start: it gets the owner too.
    const tomLink = await db().crmLink.findFirstOrThrow({ where: { conversationId: leads.alpha2.conversationId } });
    expect(alphaAccount.objects.contacts.get(tomLink.crmContactId)?.properties.hubspot_owner_id).toBe(alphaReviewerOwnerId);

    const tasks = [...alphaAccount.objects.tasks.values()];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.properties).toMatchObject({ hubspot_owner_id: alphaReviewerOwnerId, hs_task_type: "CALL" });

    // Beta's owner has no HubSpot user with their email: Beta's records stay unassigned.
    const beta = [...betaAccount.objects.deals.values(), ...contactsOf(betaAccount), ...betaAccount.objects.notes.values()];
    expect(beta.every((record) => !record.properties.hubspot_owner_id)).toBe(true);
  });

  it("keeps what a salesperson typed on an existing contact and fills only what was empty", async () => {
    const [meg] = alphaAccount.contactsWith("email", "meg@carter.example");
    expect(meg!.properties).toMatchObject({
      firstname: "Margaret",
      company: "Carter & Sons Bakery",
      lastname: "Carter",
      phone: "+12127363100",
      hubspot_owner_id: alphaReviewerOwnerId,
      leadbridge_lead_score: expect.any(String),
    });

    // Edited in HubSpot after the sync, then synced again: still theirs.
    alphaAccount.edit("contacts", meg!.id, { lastname: "Carter-Smith", phone: "+1 212 736 3100" });
    await syncLeadJob.enqueue(db(), { leadProposalId: leads.alpha1.proposalId }, { workspaceId: world.a.workspaceId });
    await drainAll();
    expect(alphaAccount.objects.contacts.get(meg!.id)!.properties).toMatchObject({ lastname: "Carter-Smith", phone: "+1 212 736 3100", company: "Carter & Sons Bakery" });

    // An admin lets our company overwrite theirs: now it does.
    await db().crmConnection.update({ where: { workspaceId: world.a.workspaceId }, data: { overwriteFields: ["company"] } });
    await syncLeadJob.enqueue(db(), { leadProposalId: leads.alpha1.proposalId }, { workspaceId: world.a.workspaceId });
    await drainAll();
    expect(alphaAccount.objects.contacts.get(meg!.id)!.properties).toMatchObject({ company: "Carter Bakery", lastname: "Carter-Smith" });
  });
});
