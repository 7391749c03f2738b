// The CRM request budget shared through PostgreSQL, against the local fake
// HubSpot enforcing the same limit: bursts from several adapters (as several
// processes would hold) stay under the account's limit without a 429, yet use
// it; search keeps to its own 4 per second; other accounts are not held back.
import { afterEach, describe, expect, it } from "vitest";
import { HubSpotCrmAdapter } from "@/lib/crm/hubspot/adapter";
import { tryTakeRequestSlot } from "@/lib/crm/request-budget";
import { BUDGET_MARGIN_MS } from "@/lib/crm/rate-limit";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";

let fake: FakeHubSpot;

afterEach(async () => {
  await fake?.stop();
});

const budget = { limit: 20, windowMs: 2_000 };

async function start(portalId: string) {
  fake = new FakeHubSpot({ rateLimit: budget });
  await fake.start();
  // Each adapter is what one process builds: nothing in memory is shared between them.
  return () => new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, portalId, rateLimit: budget });
}

const task = (crmContactId: string, i: number) =>
  ({ crmContactId, followUpId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, dueAt: new Date(Date.UTC(2026, 11, 1, 9, i)), subject: `Follow up ${i}`, priority: "MEDIUM", type: "TODO" }) as const;

describe("the shared CRM request budget", () => {
  it("keeps three processes' bursts to one account under its limit, with no 429, and uses the limit", { timeout: 60_000 }, async () => {
    const adapterOfAProcess = await start("budget-portal-1");
    const contact = fake.seed("contacts", { email: "burst@example.com" });
    const processes = [adapterOfAProcess(), adapterOfAProcess(), adapterOfAProcess()];

    await Promise.all(processes.flatMap((crm, p) => Array.from({ length: 20 }, (_, i) => crm.createTask(task(contact, p * 100 + i)))));

    expect(fake.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(fake.objects.tasks.size).toBe(60);
    // Never more than the limit in any window of HubSpot's, and the limit is reached, not held back from.
    expect(fake.busiestWindow(budget.windowMs)).toBeLessThanOrEqual(budget.limit);
    expect(fake.busiestWindow(budget.windowMs + BUDGET_MARGIN_MS)).toBeGreaterThanOrEqual(budget.limit / 2);
  });

  it("keeps searches to HubSpot's 4 per second across processes", { timeout: 30_000 }, async () => {
    const adapterOfAProcess = await start("budget-portal-2");
    const [first, second] = [adapterOfAProcess(), adapterOfAProcess()];
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? first : second).findContactByEmail(`nobody${i}@example.com`)));
    expect(fake.requests.filter((r) => r.status === 429)).toEqual([]);
    expect(fake.busiestWindow(1_000, /\/search$/)).toBeLessThanOrEqual(4);
  });

  it("keeps one budget per key: a full account makes only itself wait", async () => {
    const full = { key: "hubspot:full-account", limit: 2, windowMs: 60_000 };
    expect(await tryTakeRequestSlot([full])).toBe(0);
    expect(await tryTakeRequestSlot([full])).toBe(0);
    expect(await tryTakeRequestSlot([full])).toBeGreaterThan(55_000);
    expect(await tryTakeRequestSlot([{ ...full, key: "hubspot:other-account" }])).toBe(0);
    // Search needs room in its own budget and the account's: none is taken while one is full.
    expect(await tryTakeRequestSlot([{ key: "hubspot:full-account:search", limit: 4, windowMs: 1_000 }, full])).toBeGreaterThan(0);
    expect(await tryTakeRequestSlot([{ key: "hubspot:full-account:search", limit: 1, windowMs: 60_000 }])).toBe(0);
  });
});
