// Fault: `jobs:drain` is killed (SIGKILL) in the middle of a 30-lead HubSpot
// sync, after HubSpot made the batch's contacts and deals and before the deals
// were associated or any link, note or status written, its claims left
// behind; `jobs:drain` is run again at once. The second run waits out the dead
// run's lease, takes its work over and finishes it: exactly one contact, one
// deal and one CRM link per approved lead, nothing claimed or pending. Both runs
// are real processes (`node --import tsx scripts/jobs-drain.ts`) against this
// file's database and the local fake HubSpot.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";
import { syncLeadJob } from "@/lib/jobs/sync-lead";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { connectHubSpot } from "@/tests/support/crm";
import { withFakeHubSpot } from "@/tests/support/hubspot";

const LEADS = 30;
const fake = new FakeHubSpot({ searchLagMs: 60_000 });
const root = path.resolve(import.meta.dirname, "../..");

withFakeHubSpot(fake);

function jobsDrain(): { child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/jobs-drain.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      HUBSPOT_BASE_URL: fake.url,
      // Headroom under the fake's 100 per 10 s, for timing jitter on a busy machine.
      HUBSPOT_REQUESTS_PER_10S: "90",
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exit };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("jobs:drain killed mid-sync", () => {
  it("leaves one contact, one deal and one CRM link per lead once run again, and nothing claimed or pending", { timeout: 300_000 }, async () => {
    const workspaceId = (await db().workspace.create({ data: { name: "Killed shop", slug: "killed-shop", defaultCountry: "BR" } })).id;
    await connectHubSpot(workspaceId, fake.accessToken);
    const leads: { proposalId: string; conversationId: string }[] = [];
    for (let i = 0; i < LEADS; i++) {
      const phone = `+551196660${String(i).padStart(4, "0")}`;
      const conversation = await db().conversation.create({
        data: { workspaceId, source: "import", contactWaId: phone.slice(1), firstMessageAt: new Date(), lastMessageAt: new Date() },
      });
      // Every fifth prospect only wrote from their number.
      const email = i % 5 === 0 ? null : `killed${i}@example.com`;
      const contact = await db().contact.create({ data: { workspaceId, name: `Lead Number${i}`, email, emailNormalized: email, phoneE164: phone } });
      const proposal = await db().leadProposal.create({
        data: { workspaceId, conversationId: conversation.id, status: "approved", name: contact.name, contactId: contact.id, syncStatus: "queued" },
      });
      await syncLeadJob.enqueue(db(), { leadProposalId: proposal.id }, { workspaceId, dedupeKey: proposal.id, availableAt: new Date(0) });
      leads.push({ proposalId: proposal.id, conversationId: conversation.id });
    }

    // Killed mid-batch, between HubSpot's writes and ours: its deals made, their
    // association never answered (it waits there), nothing of ours written yet.
    fake.hangNextTo(/\/batch\/associate\/default$/);
    const first = jobsDrain();
    await until(() => fake.requests.some((request) => request.path.endsWith("/batch/associate/default")) || first.child.exitCode !== null, 120_000);
    first.child.kill("SIGKILL");
    const killed = await first.exit;
    expect(killed.signal).toBe("SIGKILL");
    expect(fake.objects.deals.size).toBe(LEADS);
    expect(fake.associations).toEqual([]);
    expect(await db().crmLink.count({ where: { conversation: { workspaceId } } })).toBe(0);
    const left = await db().outboxItem.count({ where: { workspaceId, status: "claimed" } });
    expect(left).toBeGreaterThan(0);

    const second = jobsDrain();
    const finished = await second.exit;
    expect(finished.stderr).toBe("");
    expect(finished.code).toBe(0);
    expect(JSON.parse(finished.stdout)).toMatchObject({ failed: 0 });

    expect(await db().outboxItem.findMany({ where: { workspaceId, status: { not: "done" } }, select: { status: true, lastError: true } })).toEqual([]);
    const contacts = [...fake.objects.contacts.values()];
    expect(contacts).toHaveLength(LEADS);
    expect(new Set(contacts.map((contact) => contact.properties.email ?? contact.properties.leadbridge_phone)).size).toBe(LEADS);
    const deals = [...fake.objects.deals.values()];
    expect(deals.map((deal) => deal.properties.leadbridge_conversation_id).sort()).toEqual(leads.map((lead) => lead.conversationId).sort());
    for (const deal of deals) expect(fake.associationsOf("deals", deal.id)).toHaveLength(1);
    const links = await db().crmLink.findMany({ where: { conversation: { workspaceId } } });
    expect(links).toHaveLength(LEADS);
    expect(new Set(links.map((link) => link.conversationId)).size).toBe(LEADS);
    expect(new Set(links.map((link) => link.crmContactId))).toEqual(new Set(contacts.map((contact) => contact.id)));
    expect(await db().leadProposal.count({ where: { workspaceId, syncStatus: "synced" } })).toBe(LEADS);
  });
});
