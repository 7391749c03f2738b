// The review queue's list in the browser: filtering by status and searching
// narrow the demo workspace's rows, and the filters survive a reload (URL).
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("filter by status, search, and keep both across a reload", async ({ page }) => {
  await signIn(page);
  const rows = page.getByTestId("queue-row");
  await expect(rows.nth(29)).toBeVisible();

  // The checkbox follows the URL, which updates a moment after the click.
  await page.getByText("Filters and sort").click();
  await page.getByRole("checkbox", { name: "Ready to review" }).click();
  await expect(page.getByRole("checkbox", { name: "Ready to review" })).toBeChecked();
  await expect(page).toHaveURL(/status=proposed/);
  await expect(page.getByText("Filters and sort (1 on)")).toBeVisible();
  await expect(rows.first()).toBeVisible();
  for (const status of await page.getByTestId("proposal-status").allTextContents()) expect(status).toBe("Ready to review");

  await page.getByLabel("Search name, email or phone").fill("Grace");
  await expect(page).toHaveURL(/q=Grace/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("lead-name")).toHaveText("Grace Adeyemi");
  await expect(rows.first()).toHaveAttribute("data-proposal-id", /[0-9a-f-]{36}/);

  await page.reload();
  await expect(page.getByLabel("Search name, email or phone")).toHaveValue("Grace");
  await page.getByText("Filters and sort (1 on)").click();
  await expect(page.getByRole("checkbox", { name: "Ready to review" })).toBeChecked();
  await expect(rows).toHaveCount(1);

  await page.getByLabel("Search name, email or phone").fill("nobody-by-this-name");
  await expect(page.getByText("No conversations match")).toBeVisible();
});
