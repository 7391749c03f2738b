// The CRM request budget shared through PostgreSQL, against the local fake
// HubSpot enforcing the same limit: bursts from several adapters (as several
// processes would hold) stay under the account's limit without a 429, yet use
// it; search keeps to its own 4 per second; other accounts are not held back.
import { afterEach, describe, expect, it } from "vitest";
import { HubSpotCrmAdapter } from "@/lib/crm/hubspot/adapter";
import { createHubSpotGateway } from "@/lib/crm/hubspot/gateway";
import { tryTakeRequestSlot } from "@/lib/crm/request-budget";
import { BUDGET_MARGIN_MS } from "@/lib/crm/rate-limit";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";

let fake: FakeHubSpot;

afterEach(async () => {
  await fake?.stop();
});

// HubSpot's limit in these tests, and ours one below it: the margin our budget
// adds covers network jitter, but a machine this loaded can delay one request
// past it, and a 429 here would say nothing about the budget.
const hubspotLimit = { limit: 20, windowMs: 2_000 };
const budget = { limit: hubspotLimit.limit - 1, windowMs: hubspotLimit.windowMs };

async function start(portalId: string) {
  fake = new FakeHubSpot({ rateLimit: hubspotLimit });
  await fake.start();
  // Each adapter is what one process builds: nothing in memory is shared between them.
  // HubSpot allows 4 searches a second; ours is one below, as above.
  return () => new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, portalId, rateLimit: budget, searchRateLimit: { limit: 3, windowMs: 1_000 } });
}

describe("the shared CRM request budget", () => {
  it("keeps three processes' bursts to one account under its limit, with no 429, and uses the limit", { timeout: 60_000 }, async () => {
    await start("budget-portal-1");
    const contact = fake.seed("contacts", { email: "burst@example.com" });
    // Each gateway is what one process's HubSpot adapter holds.
    const processes = [0, 1, 2].map(() => createHubSpotGateway({ accessToken: fake.accessToken, basePath: fake.url, portalId: "budget-portal-1", rateLimit: budget }));

    const reads = await Promise.all(
      processes.flatMap((gateway) => Array.from({ length: 20 }, () => gateway.call("standard", (client) => client.crm.contacts.basicApi.getById(contact)))),
    );

    expect(reads).toHaveLength(60);
    expect(fake.requests.filter((r) => r.status === 429)).toEqual([]);
    // Never more than the limit in any window of HubSpot's, and the limit is reached, not held back from.
    expect(fake.busiestWindow(budget.windowMs)).toBeLessThanOrEqual(hubspotLimit.limit);
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
