// End-to-end tests in Debian's Chromium (/usr/bin/chromium; never a downloaded
// browser) against the production build, served by the same launcher users run,
// on a fresh embedded database of its own.
import { defineConfig } from "@playwright/test";
import { E2E_DATA_DIR, E2E_DATABASE_PORT as databasePort, E2E_PORT as port } from "./e2e/support";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Tests import, drain and review through the real server and a second process
  // (jobs:drain); on a shared 2-core machine that takes longer than the default 30 s.
  timeout: 120_000,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    // The release's own launcher (compiled by `npm run build`), as `npm start` runs it,
    // beside a fake HubSpot (e2e/web-server.ts).
    command: `rm -rf ${E2E_DATA_DIR} && node_modules/.bin/tsx e2e/web-server.ts`,
    url: `http://127.0.0.1:${port}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      LEADBRIDGE_DATA_DIR: E2E_DATA_DIR,
      EMBEDDED_POSTGRES_PORT: String(databasePort),
      DATABASE_URL: "",
      // A production build needs one; this one exists only for the end-to-end tests' throwaway database.
      AUTH_SECRET: "e2e-only-auth-secret-for-a-throwaway-database",
      // Likewise required in production: seals CRM tokens (32 bytes, base64), and the address CRM notes link to.
      ENCRYPTION_KEY: "ZTJlLW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=",
      APP_URL: `http://127.0.0.1:${port}`,
      // e2e/ingest.spec.ts signs its webhook deliveries with this secret.
      WHATSAPP_APP_SECRET: "e2e-secret",
      WHATSAPP_VERIFY_TOKEN: "e2e-verify-token",
      // Extract as soon as jobs:drain runs (e2e/review.spec.ts drains by hand).
      EXTRACTION_QUIET_SECONDS: "0",
      // No Inngest here: the background worker runs beside the server, as in a release without one.
      WORKER_INTERVAL_SECONDS: "1",
    },
  },
});
