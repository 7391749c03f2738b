// End-to-end tests in Debian's Chromium (/usr/bin/chromium; never a downloaded
// browser) against the production build, served by the same launcher users run,
// on a fresh embedded database of its own.
import { defineConfig } from "@playwright/test";

// Overridable so several checkouts can run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const databasePort = Number(process.env.E2E_DATABASE_PORT ?? 54349);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
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
    command: "rm -rf .data/e2e && node_modules/.bin/tsx scripts/serve.ts start",
    url: `http://127.0.0.1:${port}/queue`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      LEADBRIDGE_DATA_DIR: ".data/e2e",
      EMBEDDED_POSTGRES_PORT: String(databasePort),
      DATABASE_URL: "",
      // e2e/ingest.spec.ts signs its webhook deliveries with this secret.
      WHATSAPP_APP_SECRET: "e2e-secret",
      WHATSAPP_VERIFY_TOKEN: "e2e-verify-token",
    },
  },
});
