// Shared by the end-to-end specs and playwright.config.ts: the ports (overridable
// so checkouts can test side by side), the demo login, signing in through the
// real form, the operators' command line against the e2e database, and axe's
// findings on a page.
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE_PORT = Number(process.env.E2E_DATABASE_PORT ?? 54349);
export const E2E_DATA_DIR = ".data/e2e";
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const DEMO_EMAIL = "demo@leadbridge.local";
export const DEMO_PASSWORD = "leadbridge-demo";

/**
 * Waits until React has hydrated the page (app/providers.tsx marks <html>). The
 * URL changes as soon as a form's redirect arrives, while the rows rendered on
 * the server are already clickable to Playwright but have no handler yet.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function signIn(page: Page, email = DEMO_EMAIL, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/queue$/);
  await waitForApp(page);
}

/** The headers a dashboard page's API client sends: our Origin and the workspace the page shows. */
export async function pageApiHeaders(page: Page): Promise<Record<string, string>> {
  const workspaceId = await page.locator('meta[name="leadbridge-workspace-id"]').getAttribute("content");
  if (!workspaceId) throw new Error("the page carries no workspace id");
  return { origin: BASE_URL, "x-workspace-id": workspaceId };
}

/** Invites a person from Settings -> Members (signed in as an admin); returns the one-time link's path. */
export async function inviteFromMembersPage(page: Page, email: string, role: "reviewer" | "manager" | "admin"): Promise<string> {
  await page.goto("/settings/members");
  const form = page.getByRole("form", { name: "Invite a person" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invitation-link").locator("code").textContent())!.trim();
  return new URL(link).pathname;
}

/** Opens an invitation link signed out and creates the account with a password the person chose. */
export async function acceptAsNewPerson(page: Page, invitationPath: string, password: string, name = "New Person"): Promise<void> {
  await page.goto(invitationPath);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel(/Choose a password/).fill(password);
  await page.getByRole("button", { name: "Create my account and join" }).click();
  await expect(page).toHaveURL(/\/queue$/);
  await waitForApp(page);
}

/**
 * Adds a person to the workspace the admin's page is on, as people join: an
 * invitation, accepted in a browser of their own with the password they choose.
 * A person already a member (a retried test) is left as they are.
 */
export async function addMember(admin: Page, person: { email: string; password: string }, role: "reviewer" | "manager" | "admin"): Promise<void> {
  const invited = await admin.request.post("/api/v1/invitations", { headers: await pageApiHeaders(admin), data: { email: person.email, role } });
  if (invited.status() === 409) return;
  expect(invited.status()).toBe(201);
  const { path } = (await invited.json()) as { path: string };
  const context = await admin.context().browser()!.newContext();
  await acceptAsNewPerson(await context.newPage(), path, person.password);
  await context.close();
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

/**
 * What axe finds on the page as it stands, one `rule: first targets` line per
 * rule broken: every finding, or (the default) only serious and critical ones.
 */
export async function accessibilityProblems(page: Page, at: "every" | "serious" = "serious"): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => at === "every" || violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}
