// Points this test file's HubSpot address (HUBSPOT_BASE_URL, one setting per
// deployment) at a local fake HubSpot, one account or several behind one
// address, for its tests, and puts it back afterwards. Workspaces reach the
// fake once connected to one of its accounts (tests/support/crm.ts).
import { afterAll, beforeAll } from "vitest";
import { reloadEnv } from "@/lib/env";

/** A fake HubSpot server: FakeHubSpot (one account) or FakeHubSpotAccounts (several). */
interface FakeHubSpotServer {
  readonly url: string;
  start(): Promise<string>;
  stop(): Promise<void>;
}

export function withFakeHubSpot(fake: FakeHubSpotServer, settings: Record<string, string> = {}): void {
  const values = () => ({ HUBSPOT_BASE_URL: fake.url, HUBSPOT_TIMEOUT_MS: "2000", ...settings });
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
