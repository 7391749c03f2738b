// Settings -> CRM in a real browser, against the fake HubSpot the e2e web server
// starts (e2e/web-server.ts): an admin of a workspace of its own tries a wrong
// token (HubSpot's refusal in words, nothing saved), tests and connects the
// right one, tests the stored connection, chooses a pipeline and stage with the
// preview showing where deals go, and saves it.
import { expect, test } from "@playwright/test";
import { E2E_HUBSPOT_ACCOUNT as ACCOUNT, E2E_HUBSPOT_TOKEN } from "./fake-hubspot";
import { accessibilityProblems, operator, signIn } from "./support";

const ADMIN = { email: "crm-admin@e2e.test", password: "crm-admin-password" };
// Each step waits on our server and the fake HubSpot; on a busy machine that takes a while.
const SERVER = { timeout: 30_000 };
test.setTimeout(180_000);

test.beforeAll(() => {
  // Once: a worker restarted after a failure runs this again on the same database.
  try {
    operator("workspace-create", ["--name", "Solar CRM", "--whatsapp-phone-number-id", "300000000000013", "--default-country", "BR", "--admin-email", ADMIN.email, "--admin-password", ADMIN.password]);
  } catch (error) {
    if (!String((error as { stderr?: string }).stderr).includes("already")) throw error;
  }
});

test("connects HubSpot, tests the connection and chooses a pipeline", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await page.goto("/settings");
  await page.getByRole("link", { name: /^CRM\b/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "CRM" })).toBeVisible();
  await expect(page.getByTestId("crm-provider")).toContainText("internal CRM");

  const token = page.getByLabel("HubSpot private app access token");
  await token.fill("pat-na1-not-the-right-token-0000");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("crm-test-error")).toContainText("HubSpot refused the access token (HTTP 401)", SERVER);

  await token.fill(E2E_HUBSPOT_TOKEN);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connection works." })).toBeVisible(SERVER);
  await expect(page.getByTestId("crm-account")).toContainText(ACCOUNT.name);
  await expect(page.getByTestId("crm-limits")).toContainText("100 requests per 10 s");
  await page.getByRole("button", { name: "Connect HubSpot" }).click();

  await expect(page.getByTestId("crm-provider")).toContainText(`Approved leads go to HubSpot: ${ACCOUNT.name} (portal ${ACCOUNT.portalId}, ${ACCOUNT.timeZone})`, SERVER);
  // The token is never shown again.
  await expect(page.locator("body")).not.toContainText(E2E_HUBSPOT_TOKEN);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("crm-account")).toContainText(String(ACCOUNT.portalId), SERVER);

  await page.getByLabel("Pipeline").selectOption({ label: ACCOUNT.pipeline });
  await expect(page.getByTestId("preview-pipeline")).toHaveText(ACCOUNT.pipeline, SERVER);
  await expect(page.getByTestId("preview-stage")).toHaveText(ACCOUNT.stages[0]!);
  await page.getByLabel("Stage").selectOption({ label: ACCOUNT.stages[1]! });
  await expect(page.getByTestId("preview-stage")).toHaveText(ACCOUNT.stages[1]!, SERVER);
  await expect(page.getByTestId("crm-mapping-preview")).toContainText("kept (filled only if empty)");
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Mapping saved" })).toBeVisible(SERVER);

  await page.reload();
  await expect(page.getByLabel("Pipeline")).toHaveValue(/.+/, SERVER);
  await expect(page.getByLabel("Pipeline").locator("option:checked")).toHaveText(ACCOUNT.pipeline);
  await expect(page.getByLabel("Stage").locator("option:checked")).toHaveText(ACCOUNT.stages[1]!);
  await page.screenshot({ path: "test-results/crm-settings.png", fullPage: true });

  expect(await accessibilityProblems(page)).toEqual([]);
});
