// A new user's first look: after signing in with the documented demo login,
// the dashboard opens on the review queue with the demo workspace's
// conversations, and every section of the navigation loads.
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("the queue shows the demo conversations from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();
  await expect(page.getByTestId("workspace-name")).toHaveText("Verde Solar (demo)");
  // The 30 demo conversations (other specs may add their own).
  const rows = page.getByTestId("queue-row");
  await expect(rows.nth(29)).toBeVisible();
  await expect(page.getByTestId("lead-name").filter({ hasText: "Grace Adeyemi" })).toBeVisible();
  // A returning prospect shows up once per conversation.
  await expect(page.getByTestId("lead-name").filter({ hasText: "Ana Beatriz Souza" })).toHaveCount(2);
  await page.screenshot({ path: "test-results/queue.png", fullPage: true });
});

test("every section of the navigation opens", async ({ page }) => {
  await page.goto("/queue");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [link, heading] of [
    ["Contacts", "Contacts"],
    ["Follow-ups", "Follow-ups"],
    ["Funnel", "Funnel"],
    ["Settings", "Settings"],
    ["Queue", "Review queue"],
  ] as const) {
    await nav.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(nav.getByRole("link", { name: link })).toHaveAttribute("aria-current", "page");
  }
});

test("sections say what fills them, and the funnel counts conversations", async ({ page }) => {
  await page.goto("/contacts");
  await expect(page.getByText("No contacts yet")).toBeVisible();
  await page.goto("/follow-ups");
  // Demo leads' follow-ups wait for their lead's approval before they are scheduled.
  await expect(page.getByRole("heading", { name: /Awaiting lead approval \(\d+\)/ })).toBeVisible();
  await page.goto("/funnel");
  // The default period (the last 30 days) holds every demo conversation.
  await expect(page.getByTestId("funnel-stage").first().getByTestId("stage-count")).toHaveText("30");
  await page.goto("/settings");
  await expect(page.getByText("100000000000001")).toBeVisible();
});

test("an admin sees the status strip: the background worker connected, the backlog, no CRM error", async ({ page }) => {
  await page.goto("/queue");
  const strip = page.getByTestId("admin-status-strip");
  await expect(strip).toBeVisible();
  await expect(strip.getByTestId("status-engine")).toHaveText("Background worker connected");
  await expect(strip.getByTestId("status-backlog")).toContainText(/^Backlog: \d+/);
  await expect(strip.getByTestId("status-crm-error")).toHaveText("No CRM errors");
});
