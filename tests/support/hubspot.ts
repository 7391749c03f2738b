// Points this test file's HubSpot settings at a local fake HubSpot for its
// tests (the workspaces that sync to HubSpot then reach the fake), and puts
// them back afterwards.
import { afterAll, beforeAll } from "vitest";
import { reloadEnv } from "@/lib/env";
import type { FakeHubSpot } from "@/tests/fakes/hubspot-server";

export function withFakeHubSpot(fake: FakeHubSpot, settings: Record<string, string> = {}): void {
  const values = () => ({ HUBSPOT_ACCESS_TOKEN: fake.accessToken, HUBSPOT_BASE_URL: fake.url, HUBSPOT_TIMEOUT_MS: "2000", ...settings });
  beforeAll(async () => {
    await fake.start();
    Object.assign(process.env, values());
    reloadEnv();
  });
  afterAll(async () => {
    await fake.stop();
    for (const name of Object.keys(values())) delete process.env[name];
    reloadEnv();
  });
}
