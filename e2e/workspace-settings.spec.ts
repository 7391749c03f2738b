// Workspace settings in a real browser, in a workspace of their own: an admin
// edits business hours (a bad pair is refused beside the field), adds a
// WhatsApp number and routes a parked one; a manager reads them; a reviewer is
// refused, page and API alike.
import { expect, test, type Page } from "@playwright/test";
import { accessibilityProblems, addMember, DEMO_EMAIL, operator, pageApiHeaders, signIn, whatsappDelivery } from "./support";

const WORKSPACE = "Horizon Energy";

// Several sign-ins, a workspace switch and page loads per test: more than the default 30 s on a busy machine.
test.setTimeout(120_000);

test.beforeAll(() => {
  try {
    operator("workspace-create", ["--name", WORKSPACE, "--whatsapp-phone-number-id", "300000000000021", "--default-country", "BR", "--admin-email", DEMO_EMAIL]);
  } catch (error) {
    if (!String((error as { stderr?: string }).stderr).includes("already belongs to a workspace")) throw error;
  }
});

async function openHorizon(page: Page, role = "admin") {
  await page.getByLabel("Workspace").selectOption({ label: `${WORKSPACE} (${role})` });
  // Switching reopens the queue in the other workspace (a navigation and a refresh).
  await expect(page.getByTestId("workspace-name")).toHaveText(WORKSPACE, { timeout: 20_000 });
}

test("an admin edits business hours and adds a WhatsApp number", async ({ page }) => {
  await signIn(page);
  await openHorizon(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: /^Workspace\b/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workspace settings" })).toBeVisible();

  const form = page.getByRole("form", { name: "Workspace settings" });
  await form.getByLabel("Opens at").fill("18:00");
  await form.getByLabel("Closes at").fill("09:00");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "must be after the opening time" })).toBeVisible();

  await form.getByLabel("Opens at").fill("08:00");
  await form.getByLabel("Closes at").fill("17:30");
  await form.getByRole("group", { name: "Business days" }).getByLabel("Fri").uncheck();
  await form.getByRole("group", { name: "Business days" }).getByLabel("Sat").check();
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(form.getByLabel("Opens at")).toHaveValue("08:00");
  await expect(form.getByLabel("Closes at")).toHaveValue("17:30");
  await expect(form.getByRole("group", { name: "Business days" }).getByLabel("Fri")).not.toBeChecked();
  await expect(form.getByRole("group", { name: "Business days" }).getByLabel("Sat")).toBeChecked();

  // A delivery for a number nobody owns is parked; the admin routes it here.
  const parkedNumber = "300000000000023";
  const delivery = whatsappDelivery({ waId: "5511955550123", profileName: "Rita", id: `wamid.settings.${Date.now()}`, text: "Oi, vocês instalam em Campinas?", phoneNumberId: parkedNumber });
  const posted = await page.request.post("/api/webhooks/whatsapp", { headers: { "content-type": "application/json", "x-hub-signature-256": delivery.signature }, data: delivery.body });
  expect(posted.status()).toBe(200);

  await page.goto("/settings");
  await page.getByRole("link", { name: /^WhatsApp numbers/ }).click();
  const numbers = page.getByTestId("whatsapp-numbers");
  await expect(numbers).toContainText("300000000000021");
  const add = page.getByRole("form", { name: "Add a WhatsApp number" });
  await add.getByLabel("phone_number_id").fill("not digits");
  await add.getByRole("button", { name: "Add number" }).click();
  await expect(add.getByRole("alert")).toContainText("digits only");
  await add.getByLabel("phone_number_id").fill("300000000000022");
  await add.getByLabel("Display number (optional)").fill("+55 11 4000-9999");
  await add.getByRole("button", { name: "Add number" }).click();
  await expect(add.getByRole("status")).toContainText("Number added.");
  await expect(numbers.locator("tr", { hasText: "300000000000022" })).toContainText("+55 11 4000-9999");

  const parked = page.getByTestId("parked-numbers").locator("li", { hasText: parkedNumber });
  await expect(parked).toContainText("1 delivery");
  expect(await accessibilityProblems(page)).toEqual([]);
  await parked.getByRole("button", { name: `Route to this workspace: ${parkedNumber}` }).click();
  await expect(numbers).toContainText(parkedNumber);
  await expect(page.getByTestId("parked-numbers").locator("li", { hasText: parkedNumber })).toHaveCount(0);

  // Removing a number asks first.
  await numbers.getByRole("button", { name: "Remove +55 11 4000-9999" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove +55 11 4000-9999?" });
  await confirm.getByRole("button", { name: "Remove number" }).click();
  await expect(numbers).not.toContainText("300000000000022");
});

test("a manager reads the settings; a reviewer is refused", async ({ page, browser }) => {
  await signIn(page);
  await openHorizon(page);
  for (const [email, role] of [["settings-manager@horizon.test", "manager"], ["settings-reviewer@horizon.test", "reviewer"]] as const) {
    await addMember(page, { email, password: `${role}-password-1` }, role);
  }

  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, "settings-manager@horizon.test", "manager-password-1");
  await manager.goto("/settings/workspace");
  await expect(manager.getByText("Only admins can change these settings.")).toBeVisible();
  await expect(manager.getByLabel("Opens at")).toBeDisabled();
  await expect(manager.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  expect((await manager.request.patch("/api/v1/workspace/settings", { headers: await pageApiHeaders(manager), data: { timezone: "UTC" } })).status()).toBe(403);
  await manager.context().close();

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "settings-reviewer@horizon.test", "reviewer-password-1");
  for (const path of ["/settings/workspace", "/settings/whatsapp"]) {
    const response = await reviewer.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(reviewer.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
  }
  const headers = await pageApiHeaders(reviewer);
  expect((await reviewer.request.patch("/api/v1/workspace/settings", { headers, data: { businessHours: { days: [1], opensAt: "09:00", closesAt: "10:00" } } })).status()).toBe(403);
  expect((await reviewer.request.post("/api/v1/whatsapp-numbers", { headers, data: { phoneNumberId: "300000000000029" } })).status()).toBe(403);
  await reviewer.context().close();
});
