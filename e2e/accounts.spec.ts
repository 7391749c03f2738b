// Accounts in a real browser: signing in through the form (a wrong password
// first), switching between two workspaces, signing out; a reviewer kept out
// of manager and admin pages; an admin's API key shown once and revoked.
import { expect, test } from "@playwright/test";
import { DEMO_EMAIL, operator, pageApiHeaders, signIn } from "./support";

test.beforeAll(() => {
  // A second workspace whose admin is the demo login, made by the operators' command
  // (once: a worker restarted after a failure runs this again on the same database).
  try {
    const created = operator("workspace-create", ["--name", "Acme Motors", "--whatsapp-phone-number-id", "300000000000009", "--default-country", "MX", "--admin-email", DEMO_EMAIL]);
    expect(created).toMatchObject({ name: "Acme Motors", admin: { email: DEMO_EMAIL, created: false } });
  } catch (error) {
    if (!String((error as { stderr?: string }).stderr).includes("already belongs to a workspace")) throw error;
  }
});

test("signs in through the form, switches workspace, and signs out", async ({ page }) => {
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fqueue$/);
  await expect(page.getByTestId("demo-login")).toContainText(DEMO_EMAIL);

  await page.getByLabel("Email").fill(DEMO_EMAIL);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is wrong." })).toBeVisible();

  await signIn(page);
  await expect(page.getByTestId("workspace-name")).toHaveText("Verde Solar (demo)");
  await expect(page.getByTestId("queue-table").locator("tbody tr")).toHaveCount(30);

  await page.getByLabel("Workspace").selectOption({ label: "Acme Motors (admin)" });
  await expect(page.getByTestId("workspace-name")).toHaveText("Acme Motors");
  // Acme's queue is empty: nothing of the demo workspace leaks across.
  await expect(page.getByText("Nothing to review")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("workspace-name")).toHaveText("Acme Motors");

  await page.getByLabel("Workspace").selectOption({ label: "Verde Solar (demo) (admin)" });
  await expect(page.getByTestId("workspace-name")).toHaveText("Verde Solar (demo)");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/queue");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.context().cookies()).find((cookie) => cookie.name === "lb_session")).toBeUndefined();
});

test("a tab left on one workspace cannot act in the workspace another tab switched to", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings/api-keys");
  await expect(page.getByTestId("workspace-name")).toHaveText("Verde Solar (demo)");
  const other = await page.context().newPage();
  await other.goto("/queue");
  await other.getByLabel("Workspace").selectOption({ label: "Acme Motors (admin)" });
  await expect(other.getByTestId("workspace-name")).toHaveText("Acme Motors");

  // The first tab still shows Verde Solar: creating a key there is refused, in words.
  await page.getByLabel("Name").fill("stale tab key");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You switched to another workspace" })).toBeVisible();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  // Acme (now active) got no key either.
  await other.goto("/settings/api-keys");
  await expect(other.getByTestId("api-keys-table")).not.toContainText("stale tab key");
  await other.getByLabel("Workspace").selectOption({ label: "Verde Solar (demo) (admin)" });
  await expect(other.getByTestId("workspace-name")).toHaveText("Verde Solar (demo)");
  await other.close();
});

test("a reviewer works the queue but is kept out of the funnel, settings and admin pages", async ({ page, browser }) => {
  await signIn(page);
  const added = await page.request.post("/api/v1/members", {
    headers: await pageApiHeaders(page),
    data: { email: "reviewer@verde.test", role: "reviewer", password: "reviewer-password" },
  });
  expect(added.status()).toBe(201);

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer@verde.test", "reviewer-password");
  const nav = reviewer.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Queue" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Funnel" })).toHaveCount(0);
  for (const path of ["/funnel", "/settings", "/settings/members", "/settings/api-keys"]) {
    const response = await reviewer.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(reviewer.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
  }
  const api = await reviewer.request.get("/api/v1/members");
  expect(api.status()).toBe(403);
  await reviewer.context().close();
});

test("an admin creates an API key, sees it once, and revokes it", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await page.getByLabel("Name").fill("chatbot import");
  await page.getByRole("button", { name: "Create API key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^lb_/);
  const row = page.getByTestId("api-keys-table").locator("tr", { hasText: "chatbot import" });
  await expect(row).toContainText(`${key.slice(0, 10)}…`);
  await expect(page.getByTestId("api-keys-table")).not.toContainText(key);

  // The key authenticates (a key may not manage keys: 403, not 401) until revoked.
  const bearer = { headers: { authorization: `Bearer ${key}` } };
  expect((await page.request.get("/api/v1/api-keys", bearer)).status()).toBe(403);
  // Revoking asks first; cancelling keeps the key and gives focus back to the button.
  const revoke = row.getByRole("button", { name: "Revoke chatbot import" });
  await revoke.click();
  const confirm = page.getByRole("alertdialog", { name: 'Revoke the key "chatbot import"?' });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(revoke).toBeFocused();
  expect((await page.request.get("/api/v1/api-keys", bearer)).status()).toBe(403);
  await revoke.click();
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("revoked");
  expect((await page.request.get("/api/v1/api-keys", bearer)).status()).toBe(401);
});
