// The reviewer's work list in Chromium: views ("to review" by default,
// "assigned to me", "done"), the next lead opening after a decision, the undo
// countdown, flags that follow the edits (a corrected typo loses "typo?" and
// stays clean once approved), an approved lead that does not list its own
// contact, an invalid email that needs a confirmation and is then kept on the
// contact, and bulk actions (reject with a reason and undo, assign to me).
import { expect, test, type Page } from "@playwright/test";
import { operator, pageApiHeaders, signIn } from "./support";

const stamp = String(Date.now()).slice(-8);

test.describe.configure({ mode: "serial" });

async function importLead(page: Page, key: string, waId: string, text: string) {
  const response = await page.request.post("/api/v1/conversations/import", {
    headers: await pageApiHeaders(page),
    data: { id: `work-list-${key}-${stamp}`, channel: "whatsapp", contact: { wa_id: waId, profile_name: key }, messages: [{ id: `wamid.work.${key}.${stamp}`, role: "user", content: text, at: new Date().toISOString() }] },
  });
  expect(response.status()).toBe(200);
}

async function openLead(page: Page, search: string, view = "") {
  await page.goto(`/queue?q=${encodeURIComponent(search)}${view ? `&view=${view}` : ""}`);
  await page.getByTestId("queue-row").first().click();
  await expect(page.getByTestId("lead-review")).toBeVisible();
}

test("a corrected typo loses its flag, approving opens the next lead, and the undo counts down", async ({ page }) => {
  await signIn(page);
  await page.getByTestId("queue-row").filter({ hasText: "Camille Dubois" }).click();
  const review = page.getByTestId("lead-review");
  const checks = page.getByTestId("lead-email-checks");
  await expect(checks).toContainText("typo? camille.dubois@gmail.com");
  await checks.getByRole("button", { name: "Use camille.dubois@gmail.com" }).click();
  await expect(review.getByRole("textbox", { name: "Email" })).toHaveValue("camille.dubois@gmail.com");
  await expect(checks).not.toContainText("typo?");
  await expect(checks).toContainText("valid email");

  await review.getByRole("button", { name: /Approve/ }).click();
  const undoBar = page.getByTestId("undo-bar");
  await expect(undoBar).toContainText("Approved Camille Dubois");
  await expect(undoBar.getByTestId("undo-button")).toHaveText(/Undo \((5\d|60) s\)/);
  // The next open lead is on screen, not the one just approved.
  await expect(page.getByTestId("lead-review").getByRole("heading", { level: 2 })).not.toHaveText("Camille Dubois");
  await page.screenshot({ path: "test-results/after-approve.png" });

  // Done: the approved lead keeps the corrected email, no "typo?", and does not list its own contact.
  await openLead(page, "Camille", "done");
  await expect(page.getByTestId("lead-status")).toContainText("Approved by demo@leadbridge.local");
  await expect(page.getByTestId("lead-email-checks")).toContainText("valid email");
  await expect(page.getByTestId("lead-email-checks")).not.toContainText("typo?");
  await expect(page.getByTestId("duplicates")).toHaveCount(0);
  await expect(page.getByTestId("pane-undo")).toHaveText(/Undo \(\d+ s\)/);
});

test("an invalid email asks before approving, and stays on the contact", async ({ page }) => {
  await signIn(page);
  await importLead(page, "Petra", `5511987${stamp.slice(-6)}`, "Hi, I'm Petra Novak. My email is petra.novak@gmail and I want the solar panel kit");
  operator("jobs-drain", []);
  await openLead(page, "Petra Novak");
  const review = page.getByTestId("lead-review");
  await expect(page.getByTestId("lead-email-checks")).toContainText("invalid email");
  const approve = review.getByRole("button", { name: /Approve/ });
  await approve.click();
  const confirm = page.getByRole("alertdialog", { name: "Approve with a problem?" });
  await expect(confirm).toContainText('The email "petra.novak@gmail" is not valid');
  await confirm.getByRole("button", { name: "Go back and fix it" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(approve).toBeFocused();
  await approve.click();
  await confirm.getByRole("button", { name: "Approve anyway" }).click();
  await expect(page.getByTestId("undo-bar")).toContainText("Approved Petra Novak");
  await page.goto("/contacts");
  await expect(page.getByRole("row", { name: /Petra Novak/ })).toContainText("petra.novak@gmail");
});

test("views: 'to review' leaves decided leads out, 'done' lists them", async ({ page }) => {
  await signIn(page);
  await page.goto("/queue?q=Camille");
  await expect(page.getByText("No conversations match")).toBeVisible();
  await page.getByTestId("view-tabs").getByRole("button", { name: "Done" }).click();
  await expect(page).toHaveURL(/view=done/);
  await expect(page.getByTestId("proposal-status")).toHaveText(["Approved"]);
});

test("bulk: reject two leads with a reason, undo the batch; assign a lead to me", async ({ page }) => {
  await signIn(page);
  await importLead(page, "Bulkone", `5511986${stamp.slice(-6)}`, "Olá, sou Otília Bulhões, otilia.bulhoes@gmail.com, quero a bateria");
  await importLead(page, "Bulktwo", `5511985${stamp.slice(-6)}`, "Olá, sou Otávio Bulhões, otavio.bulhoes@gmail.com, quero a bateria");
  operator("jobs-drain", []);
  await page.goto("/queue?q=Bulh");
  const rows = page.getByTestId("queue-row");
  await expect(rows).toHaveCount(2);
  await page.getByRole("checkbox", { name: "Select every lead shown" }).check();
  await expect(page.getByTestId("bulk-count")).toHaveText("2 leads selected");
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Reject…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reject 2 leads" });
  await dialog.getByLabel("Reason").selectOption("spam");
  await dialog.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.getByTestId("undo-bar")).toContainText("Rejected 2 leads");
  await expect(page.getByText("No conversations match")).toBeVisible();

  await page.getByTestId("undo-button").click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("proposal-status")).toHaveText(["Ready to review", "Ready to review"]);

  // Assign one to me; it shows under "Assigned to me".
  await rows.first().getByRole("checkbox").check();
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Assign to…" }).click();
  await page.getByRole("menuitem", { name: "Demo admin" }).click();
  await expect(page.getByTestId("undo-bar")).toContainText("Assigned 1 lead to Demo admin");
  await page.getByTestId("view-tabs").getByRole("button", { name: "Assigned to me" }).click();
  await expect(page).toHaveURL(/owner=me/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Owner: Demo admin");
});

test("the undo button counts down and goes away when the window closes", async ({ page }) => {
  await page.clock.install();
  await signIn(page);
  await openLead(page, "Sarah");
  await page.getByTestId("lead-review").getByRole("button", { name: /Reject/ }).click();
  await page.getByRole("dialog", { name: "Reject lead" }).getByRole("button", { name: "Reject", exact: true }).click();
  const undo = page.getByTestId("undo-button");
  await expect(undo).toHaveText(/Undo \((5\d|60) s\)/);
  await page.clock.fastForward(30_000);
  await expect(undo).toHaveText(/Undo \((2\d|30) s\)/);
  await page.clock.fastForward(31_000);
  await expect(undo).toHaveCount(0);
  await expect(page.getByTestId("undo-bar")).toContainText("The undo window has closed.");
});
