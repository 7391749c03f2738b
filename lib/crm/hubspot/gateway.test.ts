// The gateway's guarantees that do not depend on any one CRM operation.
import { Client } from "@hubspot/api-client";
import { afterEach, expect, it } from "vitest";
import { CrmTransientError } from "@/lib/crm/errors";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { withoutBudget } from "@/tests/support/crm-coordination";
import { createHubSpotGateway } from "./gateway";

let fake: FakeHubSpot;

afterEach(async () => {
  // Put the client's process-wide decorators back to "none".
  new Client({ numberOfApiCallRetries: 0 });
  await fake?.stop();
});

it("never retries on its own, even after another HubSpot client with retries is created in the process", async () => {
  fake = new FakeHubSpot();
  await fake.start();
  const gateway = createHubSpotGateway({ accessToken: fake.accessToken, basePath: fake.url, coordination: withoutBudget() });
  new Client({ accessToken: "someone-elses-token", numberOfApiCallRetries: 3 });
  fake.failNext(1);

  const error = await gateway.call("search", (client) => client.crm.contacts.searchApi.doSearch({ filterGroups: [] })).catch((e: unknown) => e);

  expect(error).toBeInstanceOf(CrmTransientError);
  expect(fake.requests).toHaveLength(1);
});

it("reports an unreachable HubSpot as transient", async () => {
  fake = new FakeHubSpot();
  await fake.start();
  const url = fake.url;
  await fake.stop();
  const gateway = createHubSpotGateway({ accessToken: "t", basePath: url, timeoutMs: 1_000, coordination: withoutBudget() });

  await expect(gateway.call("standard", (client) => client.crm.contacts.basicApi.getById("1"))).rejects.toBeInstanceOf(CrmTransientError);
});
