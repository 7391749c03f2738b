// The queue fits the screens a sales team uses. At 1280x800, 1440x900 and
// 1920x1080: clicking a row (even far down the list) shows the review pane in
// the viewport with every column of that row visible and nothing scrolling
// sideways; every dialog's buttons are inside the viewport; focus stays in an
// open dialog and returns to what opened it; axe finds no violations. A phone
// gets one column at a time. Screenshots go to test-results/. This spec only
// opens and cancels: the demo leads stay open for the specs after it.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { accessibilityProblems, operator, pageApiHeaders, signIn } from "./support";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

const waId = `55219${String(Date.now()).slice(-8)}`;

/** The element lies inside the viewport (`sideways`: only its left and right edges are checked). */
async function expectInViewport(page: Page, locator: Locator, what: string, sideways = false) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(viewport.width + 0.5);
  if (sideways) return;
  expect(box!.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom edge`).toBeLessThanOrEqual(viewport.height + 0.5);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

async function expectNoAxeViolations(page: Page) {
  expect(await accessibilityProblems(page, "every")).toEqual([]);
}

/** Tabs through the dialog (both ways) and checks focus never leaves it. */
async function expectFocusTrapped(page: Page, dialog: Locator) {
  for (const key of ["Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    await page.keyboard.press(key);
    expect(await dialog.evaluate((element) => element.contains(document.activeElement)), `focus left the dialog after ${key}`).toBe(true);
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  // A contact and a second conversation of the same person: the lead whose merge dialog we open.
  const page = await browser.newPage();
  await signIn(page);
  const headers = await pageApiHeaders(page);
  const importConversation = (n: number, text: string) =>
    page.request.post("/api/v1/conversations/import", {
      headers,
      data: { id: `layout-${waId}-${n}`, channel: "whatsapp", contact: { wa_id: waId, profile_name: "Dora" }, messages: [{ id: `wamid.layout.${waId}.${n}`, role: "user", content: text, at: new Date().toISOString() }] },
    });
  expect((await importConversation(1, "Olá, sou Dora Lindqvist, email dora.lindqvist@gmail.com. Quero o kit solar.")).status()).toBe(200);
  operator("jobs-drain", []);
  const first = (await (await page.request.get("/api/v1/leads?q=Lindqvist")).json()) as { rows: { proposal: { id: string } }[] };
  const id = first.rows[0]!.proposal.id;
  const detail = (await (await page.request.get(`/api/v1/leads/${id}`)).json()) as { lead: { version: number } };
  expect((await page.request.post(`/api/v1/leads/${id}/approve`, { headers, data: { version: detail.lead.version } })).status()).toBe(200);
  expect((await importConversation(2, "Oi de novo, Dora Lindqvist aqui. Quero também a bateria.")).status()).toBe(200);
  operator("jobs-drain", []);
  await page.close();
});

for (const size of SIZES) {
  const name = `${size.width}x${size.height}`;

  test(`${name}: a row far down the list opens the review pane in view, with every column of the row visible`, async ({ page }) => {
    await page.setViewportSize(size);
    await signIn(page);
    const rows = page.getByTestId("queue-row");
    await expect(rows.nth(20)).toBeVisible();
    for (const header of ["Lead", "Product", "Urgency", "Confidence", "Status"]) {
      await expectInViewport(page, page.getByRole("columnheader", { name: header, exact: true }), `the ${header} header`);
    }
    const row = rows.nth(20);
    await row.scrollIntoViewIfNeeded();
    await row.click();
    await expect(row).toHaveAttribute("aria-selected", "true");
    const review = page.getByTestId("lead-review");
    await expect(review.getByRole("heading", { level: 2 })).toBeVisible();
    await expectInViewport(page, page.getByTestId("review-pane"), "the review pane");
    await expectInViewport(page, review.getByRole("button", { name: /Approve/ }), "the Approve button");
    const cells = row.locator("td");
    const count = await cells.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let index = 0; index < count; index += 1) await expectInViewport(page, cells.nth(index), `column ${index + 1} of the row`);
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: `test-results/queue-${name}.png` });
    await expectNoAxeViolations(page);
  });

  test(`${name}: dialogs fit, keep focus inside and give it back`, async ({ page }) => {
    await page.setViewportSize(size);
    await signIn(page);
    await page.goto("/queue?q=Lindqvist");
    await page.getByTestId("queue-row").filter({ hasText: "Ready to review" }).first().click();
    const review = page.getByTestId("lead-review");
    await expect(review.getByTestId("duplicates")).toContainText("same phone");

    // Merge: the widest dialog.
    const merge = review.getByRole("button", { name: /Merge/ });
    await merge.click();
    const mergeDialog = page.getByRole("dialog", { name: "Merge into an existing contact" });
    await expect(page.getByTestId("merge-preview")).toContainText(/stays as it is|After the merge/);
    for (const button of ["Cancel", "Merge"]) await expectInViewport(page, mergeDialog.getByRole("button", { name: button, exact: true }), `the merge dialog's ${button}`);
    await expectFocusTrapped(page, mergeDialog);
    await page.screenshot({ path: `test-results/merge-dialog-${name}.png` });
    await expectNoAxeViolations(page);
    await mergeDialog.getByRole("button", { name: "Cancel", exact: true }).click();
    await expect(mergeDialog).toHaveCount(0);
    await expect(merge).toBeFocused();

    // Reject: Escape closes it and focus returns to its button.
    const reject = review.getByRole("button", { name: /Reject/ });
    await reject.click();
    const rejectDialog = page.getByRole("dialog", { name: "Reject lead" });
    await expect(rejectDialog.getByLabel("Reason")).toBeFocused();
    for (const button of ["Cancel", "Reject"]) await expectInViewport(page, rejectDialog.getByRole("button", { name: button, exact: true }), `the reject dialog's ${button}`);
    await expectFocusTrapped(page, rejectDialog);
    await page.keyboard.press("Escape");
    await expect(rejectDialog).toHaveCount(0);
    await expect(reject).toBeFocused();

    // The column chooser (a menu) and the shortcuts dialog.
    await page.getByRole("button", { name: "Columns" }).click();
    await expect(page.getByRole("menuitemcheckbox", { name: "Email" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Columns" })).toBeFocused();
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expectInViewport(page, help.getByRole("button", { name: "Close" }), "the shortcuts dialog's Close");
    await expectNoAxeViolations(page);
    await help.getByRole("button", { name: "Close" }).click();
    await expect(help).toHaveCount(0);
  });
}

test("a phone gets one column at a time: the list, then the lead with a way back", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const rows = page.getByTestId("queue-row");
  await expect(rows.nth(3)).toBeVisible();
  await expectNoSidewaysScroll(page);
  for (const cell of await rows.first().locator("td").all()) if (await cell.isVisible()) await expectInViewport(page, cell, "a cell of the first row", true);
  await page.screenshot({ path: "test-results/queue-phone-list.png" });
  await rows.nth(1).click();
  await expect(page.getByTestId("lead-review")).toBeVisible();
  await expect(page.getByTestId("queue-list")).toBeHidden();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: "test-results/queue-phone-lead.png" });
  await page.getByRole("button", { name: "← Back to the list" }).click();
  await expect(page.getByTestId("queue-list")).toBeVisible();
  await expectNoAxeViolations(page);
});
