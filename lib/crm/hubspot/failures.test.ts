// How HubSpot's failures reach the caller (rate limit, transient, permanent),
// and that without our request budget a burst is refused (the shared budget
// itself is tested against PostgreSQL: tests/integration/crm-request-budget.test.ts).
import { afterEach, describe, expect, it } from "vitest";
import { CrmPermanentError, CrmRateLimitError, CrmTransientError } from "@/lib/crm/errors";
import { FakeHubSpot, type FakeHubSpotOptions } from "@/tests/fakes/hubspot-server";
import { inProcessCoordination, withoutBudget } from "@/tests/support/crm-coordination";
import { HubSpotCrmAdapter, type HubSpotAdapterConfig } from "./adapter";
import { parseRetryAfterMs } from "./errors";
import { createHubSpotGateway } from "./gateway";

let fake: FakeHubSpot;

async function setup(options: FakeHubSpotOptions = {}, config: Partial<HubSpotAdapterConfig> = {}) {
  fake = new FakeHubSpot(options);
  await fake.start();
  return new HubSpotCrmAdapter({ accessToken: fake.accessToken, basePath: fake.url, coordination: inProcessCoordination(), ...config });
}

/** Shows what HubSpot does without our budget. */
const noBudget = { coordination: withoutBudget() };

const task = (crmContactId: string, i: number) =>
  ({ crmContactId, followUpId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, dueAt: new Date(Date.UTC(2026, 11, 1, 9, i)), subject: `Follow up ${i}`, priority: "MEDIUM", type: "TODO" }) as const;

afterEach(async () => {
  await fake?.stop();
});

describe("HubSpot adapter: errors", () => {
  it("turns HubSpot's 429 (ten-secondly limit) into CrmRateLimitError waiting one 10 s window", async () => {
    fake = new FakeHubSpot({ rateLimit: { limit: 2, windowMs: 10_000 } });
    await fake.start();
    const gateway = createHubSpotGateway({ accessToken: fake.accessToken, basePath: fake.url, ...noBudget });
    const contact = fake.seed("contacts", { email: "a@example.com" });
    const read = () => gateway.call("standard", (client) => client.crm.contacts.basicApi.getById(contact));
    await read();
    await read();

    const error = await read().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CrmRateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 10_000, retryable: true, status: 429 });
    expect((error as Error).message).toContain("You have reached your secondly limit.");
  });

  it("uses HubSpot's Retry-After when it sends one, and a 1 s wait for the search limit", async () => {
    const crm = await setup({ searchLimit: { limit: 1, windowMs: 1_000 }, retryAfterSeconds: 3 }, noBudget);
    await crm.findContactByEmail("a@example.com");
    await expect(crm.findContactByEmail("a@example.com")).rejects.toMatchObject({ name: "CrmRateLimitError", retryAfterMs: 3_000 });

    await fake.stop();
    const withoutHeader = await setup({ searchLimit: { limit: 1, windowMs: 1_000 } }, noBudget);
    await withoutHeader.findContactByEmail("a@example.com");
    await expect(withoutHeader.findContactByEmail("a@example.com")).rejects.toMatchObject({ name: "CrmRateLimitError", retryAfterMs: 1_000 });
  });

  it("turns a HubSpot 500 into CrmTransientError, and the next attempt succeeds", async () => {
    const crm = await setup();
    fake.failNext(1);

    const error = await crm.upsertContact({ name: "Ana", email: "ana@example.com" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CrmTransientError);
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect(fake.objects.contacts.size).toBe(0);
    expect((await crm.upsertContact({ name: "Ana", email: "ana@example.com" })).created).toBe(true);
  });

  it("gives up on a request HubSpot never answers after the timeout, as CrmTransientError", async () => {
    const crm = await setup({}, { timeoutMs: 300 });
    fake.hangNext(1);
    const started = Date.now();

    const error = await crm.findContactByEmail("ana@example.com").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CrmTransientError);
    expect((error as Error).message).toContain("did not answer within 300 ms");
    expect(Date.now() - started).toBeLessThan(3_000);
    // The connection pool is still usable afterwards.
    expect(await crm.findContactByEmail("ana@example.com")).toBeNull();
  });

  it("turns a 400 into CrmPermanentError carrying HubSpot's message (a field an admin deleted)", async () => {
    const crm = await setup();
    const { crmContactId } = await crm.upsertContact({ name: "Ana", email: "ana@example.com" });
    await crm.ensureCustomProperties();
    fake.properties.contacts.delete("leadbridge_lead_score");

    const error = await crm.setLabeledScores(crmContactId, { leadScore: "Warm", primaryObjection: "Timing", recommendedApproach: "Call next week" })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CrmPermanentError);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect((error as CrmPermanentError).reason).toContain('Property \\"leadbridge_lead_score\\" does not exist');
  });

  it("reports HubSpot's batch limit as permanent, which is why batches are chunked to 100", async () => {
    fake = new FakeHubSpot();
    await fake.start();
    const gateway = createHubSpotGateway({ accessToken: fake.accessToken, basePath: fake.url, coordination: withoutBudget() });
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: `x${i}@example.com`, idProperty: "email", properties: {} }));

    const error = await gateway.call("standard", (client) => client.crm.contacts.batchApi.upsert({ inputs })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CrmPermanentError);
    expect((error as CrmPermanentError).reason).toContain("Too many inputs: 101");
    expect(fake.objects.contacts.size).toBe(0);
  });

  it("reports a wrong access token as permanent", async () => {
    await setup();
    const wrongToken = new HubSpotCrmAdapter({ accessToken: "pat-wrong", basePath: fake.url, coordination: withoutBudget() });
    await expect(wrongToken.findContactByEmail("a@example.com")).rejects.toMatchObject({ name: "CrmPermanentError", status: 401 });
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfterMs("2")).toBe(2_000);
    expect(parseRetryAfterMs("Tue, 24 Nov 2026 10:00:05 GMT", Date.parse("2026-11-24T10:00:00Z"))).toBe(5_000);
    expect(parseRetryAfterMs("soon")).toBeUndefined();
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
  });
});

describe("HubSpot adapter: without a request budget", () => {
  it("a burst over HubSpot's limit is answered 429 (so the budget tests can fail)", async () => {
    const crm = await setup({ rateLimit: { limit: 50, windowMs: 1_000 } }, noBudget);
    const contact = fake.seed("contacts", { email: "burst@example.com" });

    const outcomes = await Promise.allSettled(Array.from({ length: 150 }, (_, i) => crm.createTask(task(contact, i))));

    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof CrmRateLimitError).length).toBeGreaterThan(0);
  });
});
