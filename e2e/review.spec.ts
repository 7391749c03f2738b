// The review flow in Chromium, as sales ops work it: a webhook-fed conversation
// is extracted and appears in the queue, its evidence highlights, an invalid
// phone shows its flag, approve creates a contact, a second conversation from
// the same number offers the merge and merging keeps one contact, reject
// records its reason, a stale second reviewer gets the conflict, keyboard
// shortcuts work, and the screen passes an accessibility check.
import { expect, test, type Page } from "@playwright/test";
import { accessibilityProblems, operator, pageApiHeaders, signIn, whatsappDelivery } from "./support";

const waId = `55119${String(Date.now()).slice(-8)}`;

test.describe.configure({ mode: "serial" });

async function deliver(page: Page, text: string, id: string) {
  const { body, signature } = whatsappDelivery({ waId, profileName: "Mari", id, text });
  const response = await page.request.post("/api/webhooks/whatsapp", { data: body, headers: { "content-type": "application/json", "x-hub-signature-256": signature } });
  expect(response.status()).toBe(200);
}

async function openLead(page: Page, search: string, status = "Ready to review", view = "") {
  await page.goto(`/queue?q=${encodeURIComponent(search)}${view ? `&view=${view}` : ""}`);
  const row = page.getByTestId("queue-row").filter({ has: page.getByTestId("proposal-status").getByText(status, { exact: true }) }).first();
  await row.click();
  await expect(page.getByTestId("lead-review")).toBeVisible();
}

test("a webhook-fed conversation is reviewed: evidence, live validation, approve by keyboard", async ({ page }) => {
  await signIn(page);
  await deliver(page, "Oi! Sou Marina Costa, meu email é marina.costa@gmail.com. Quero a bateria, é urgente!", `wamid.review.${waId}.1`);
  expect(operator("jobs-drain", [])).toMatchObject({ done: expect.any(Number) });

  await openLead(page, "Marina");
  const review = page.getByTestId("lead-review");
  await expect(review.getByRole("textbox", { name: "Name" })).toHaveValue("Marina Costa");

  await review.getByRole("button", { name: "Evidence: where the name came from" }).click();
  await expect(page.locator("[data-highlighted]")).toContainText("Sou Marina Costa");
  await expect(page.locator("[data-highlighted] mark")).toHaveText(/Marina Costa/);

  // The phone comes from the WhatsApp number; a bad edit shows its flag at once.
  const phone = review.getByRole("textbox", { name: "Phone" });
  const original = await phone.inputValue();
  await expect(page.getByTestId("lead-phone-checks")).toContainText("from WhatsApp number");
  await phone.fill("123");
  await expect(page.getByTestId("lead-phone-checks")).toContainText("invalid phone");
  await phone.fill(original);
  await expect(page.getByTestId("lead-phone-checks")).toContainText("valid phone");
  await page.screenshot({ path: "test-results/review-queue.png", fullPage: true });

  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("a");
  // The decision shows with its undo; the next lead (none here: the search found one) takes the pane.
  await expect(page.getByTestId("undo-bar")).toContainText("Approved Marina Costa");
  await openLead(page, "Marina", "Approved", "done");
  await expect(page.getByTestId("lead-status")).toContainText("Approved by demo@leadbridge.local");
  await page.goto("/contacts");
  await expect(page.getByTestId("contacts-table").getByRole("link", { name: "Marina Costa", exact: true })).toHaveCount(1);
});

test("a second conversation from the same number offers the merge, and merging keeps one contact", async ({ page }) => {
  await signIn(page);
  const imported = await page.request.post("/api/v1/conversations/import", {
    headers: await pageApiHeaders(page),
    data: {
      id: `review-return-${waId}`,
      channel: "whatsapp",
      contact: { wa_id: waId, profile_name: "Mari" },
      messages: [{ id: `wamid.review.${waId}.2`, role: "user", content: "Oi de novo, aqui é a Marina Costa. Quero também o carregador para o carro.", at: new Date().toISOString() }],
    },
  });
  expect(imported.status()).toBe(200);
  operator("jobs-drain", []);

  await openLead(page, "Marina");
  await expect(page.getByTestId("duplicates")).toContainText("same phone");
  await page.getByTestId("lead-review").getByRole("button", { name: /Approve/ }).click();
  // Approving beside an existing contact is refused: the merge dialog opens instead.
  const dialog = page.getByTestId("merge-dialog");
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId("merge-preview")).toContainText(/Marina Costa|After the merge/);
  await page.screenshot({ path: "test-results/merge-dialog.png", fullPage: true });
  await dialog.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByTestId("undo-bar")).toContainText("Merged Marina Costa");
  await page.goto("/contacts");
  await expect(page.getByRole("cell", { name: "Marina Costa", exact: true })).toHaveCount(1);
});

test("reject records its reason", async ({ page }) => {
  await signIn(page);
  await openLead(page, "Grace");
  await page.getByTestId("lead-review").getByRole("button", { name: /Reject/ }).click();
  await page.getByLabel("Reason").selectOption("other");
  await page.getByLabel(/Note/).fill("A supplier asking to sell us panels");
  await page.getByRole("dialog").getByRole("button", { name: "Reject" }).click();
  await expect(page.getByTestId("undo-bar")).toContainText("Rejected Grace Adeyemi");
  await openLead(page, "Grace", "Rejected", "done");
  await expect(page.getByTestId("reject-reason")).toHaveText("Rejected as other: A supplier asking to sell us panels");
});

test("a stale second reviewer gets the conflict, not a silent overwrite", async ({ page, browser }) => {
  await signIn(page);
  const other = await browser.newPage();
  await signIn(other);
  await openLead(page, "Luc Martin");
  await openLead(other, "Luc Martin");

  await page.getByTestId("lead-review").getByRole("button", { name: /Reject/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Reject" }).click();
  await expect(page.getByTestId("undo-bar")).toContainText("Rejected Luc Martin");

  await other.getByTestId("lead-review").getByRole("button", { name: /Approve/ }).click();
  await expect(other.getByTestId("review-problem")).toContainText("changed by demo@leadbridge.local");
  await other.getByTestId("review-problem").getByRole("button", { name: "Reload" }).click();
  await expect(other.getByTestId("lead-status")).toContainText("Rejected");
  await other.close();
});

test("keyboard: j and k move through the queue, ? shows the shortcuts", async ({ page }) => {
  await signIn(page);
  await page.goto("/queue");
  const rows = page.getByTestId("queue-row");
  await expect(rows.nth(5)).toBeVisible();
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("the queue with a lead open has no serious accessibility problems", async ({ page }) => {
  // Whether the bell has unread notifications depends on the clock (a follow-up due
  // today, a hot lead waiting past the workspace's limit), so the bell is given one
  // here: axe reads the screen in that state on every run, not only on some days.
  const now = new Date().toISOString();
  const dueToday = { id: "due-today", kind: "follow_up_due_today", title: "Follow-up due today: Roberto Alves", body: "Call at 09:00 their time.", params: { name: "Roberto Alves", channel: "call", dueAt: now, timezone: "America/Sao_Paulo", reason: "Asked to be called" }, link: "/follow-ups", createdAt: now, unread: true };
  await page.route("**/api/v1/notifications", (route) => route.fulfill({ json: { unread: 1, items: [dueToday] } }));
  await signIn(page);
  await openLead(page, "Roberto");
  await expect(page.getByRole("button", { name: /^Notifications\W+1 unread$/ })).toBeVisible();
  expect(await accessibilityProblems(page)).toEqual([]);
});
