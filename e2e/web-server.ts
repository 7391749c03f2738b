// The end-to-end tests' web server: a fake HubSpot (tests/fakes) on an
// ephemeral port, with one account the specs connect to (E2E_HUBSPOT_TOKEN,
// which has a second deal pipeline to choose), then the release's own launcher
// (`bash scripts/release.sh start`, what `npm start` runs: dist/serve.mjs,
// compiled by `npm run build`) with HUBSPOT_BASE_URL pointing at the fake.
// Stops both when Playwright stops it.
import { spawn } from "node:child_process";
import { RELEASE_START, releaseStartEnv } from "@/tests/support/release-start";
import { FakeHubSpotAccounts } from "@/tests/fakes/hubspot-accounts";
import { E2E_HUBSPOT_ACCOUNT as ACCOUNT, E2E_HUBSPOT_TOKEN } from "./fake-hubspot";

const hubspot = new FakeHubSpotAccounts();
const account = hubspot.addAccount({ accessToken: E2E_HUBSPOT_TOKEN, portalId: ACCOUNT.portalId, portalName: ACCOUNT.name, timeZone: ACCOUNT.timeZone });
account.addPipeline(ACCOUNT.pipeline, ACCOUNT.stages);
account.addOwner({ email: "demo@leadbridge.local", firstName: "Demo", lastName: "Admin" });
const url = await hubspot.start();
process.stdout.write(`[e2e] fake HubSpot on ${url}\n`);

const [command, ...args] = RELEASE_START;
const app = spawn(command, args, { stdio: "inherit", env: releaseStartEnv({ ...process.env, HUBSPOT_BASE_URL: url }) });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.kill(signal));
app.on("exit", async (code, signal) => {
  await hubspot.stop();
  process.exit(code ?? (signal ? 0 : 1));
});
