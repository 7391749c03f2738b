// Shared by the end-to-end specs and playwright.config.ts: the ports (overridable
// so checkouts can test side by side), the demo login, signing in through the
// real form, and the operators' command line against the e2e database.
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_PORT = Number(process.env.E2E_DATABASE_PORT ?? 54349);
export const E2E_DATA_DIR = ".data/e2e";
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const DEMO_EMAIL = "demo@leadbridge.local";
export const DEMO_PASSWORD = "leadbridge-demo";

export async function signIn(page: Page, email = DEMO_EMAIL, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue$/);
}

/** The headers a dashboard page's API client sends: our Origin and the workspace the page shows. */
export async function pageApiHeaders(page: Page): Promise<Record<string, string>> {
  const workspaceId = await page.locator('meta[name="leadbridge-workspace-id"]').getAttribute("content");
  if (!workspaceId) throw new Error("the page carries no workspace id");
  return { origin: BASE_URL, "x-workspace-id": workspaceId };
}

/** Runs an operator command (e.g. workspace:create) on the e2e database and returns its JSON. */
export function operator(script: "workspace-create" | "apikey-create" | "jobs-drain", args: string[]): Record<string, unknown> {
  const out = execFileSync("node_modules/.bin/tsx", [`scripts/${script}.ts`, ...args], {
    env: { ...process.env, LEADBRIDGE_DATA_DIR: E2E_DATA_DIR, EMBEDDED_POSTGRES_PORT: String(E2E_DATABASE_PORT), DATABASE_URL: "" },
    encoding: "utf8",
  });
  return JSON.parse(out) as Record<string, unknown>;
}

// Both set in playwright.config.ts (webServer env) and in the demo workspace.
const WEBHOOK_APP_SECRET = "e2e-secret";
const DEMO_PHONE_NUMBER_ID = "100000000000001";

/** A WhatsApp Cloud API delivery of one text message (to the demo number unless told), in Meta's shape, and its signature. */
export function whatsappDelivery(message: { waId: string; profileName: string; id: string; text: string; phoneNumberId?: string }): { body: string; signature: string } {
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "551140001234", phone_number_id: message.phoneNumberId ?? DEMO_PHONE_NUMBER_ID },
              contacts: [{ profile: { name: message.profileName }, wa_id: message.waId }],
              messages: [{ from: message.waId, id: message.id, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: message.text } }],
            },
          },
        ],
      },
    ],
  });
  return { body, signature: `sha256=${createHmac("sha256", WEBHOOK_APP_SECRET).update(body).digest("hex")}` };
}
