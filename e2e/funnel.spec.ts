// The managers' funnel in Chromium: a manager opens it (a reviewer is refused),
// reads the same figures the API answers, changes the period (a preset, then
// custom days with nothing in them) and the breakdown, downloads the CSV,
// follows a drop-off reason to the queue filtered to that lead, and the page
// passes an accessibility check. Saves a screenshot.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { accessibilityProblems, addMember, operator, pageApiHeaders, signIn, whatsappDelivery } from "./support";

test.describe.configure({ mode: "serial" });

const MANAGER = { email: "manager@funnel.test", password: "manager-password" };
const REVIEWER = { email: "reviewer@funnel.test", password: "reviewer-password" };
const waId = `55219${String(Date.now()).slice(-8)}`;

type Report = { from: string; to: string; stages: { key: string; count: number; dropped: Record<string, number> }[] };

/** The stage table's counts, in stage order. */
async function tableCounts(page: Page): Promise<number[]> {
  const cells = page.getByTestId("funnel-stage").getByTestId("stage-count");
  await expect(cells).toHaveCount(5);
  return (await cells.allTextContents()).map(Number);
}

/** What the API answers for the period (and breakdown) in the page's URL. */
async function apiReport(page: Page): Promise<Report> {
  const params = new URL(page.url()).searchParams;
  const response = await page.request.get(`/api/v1/funnel?from=${params.get("from")}&to=${params.get("to")}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Report;
}

test("an admin adds a manager and a reviewer; a lead from WhatsApp is rejected as spam", async ({ page }) => {
  await signIn(page);
  const headers = await pageApiHeaders(page);
  for (const [person, role] of [[MANAGER, "manager"], [REVIEWER, "reviewer"]] as const) await addMember(page, person, role);
  const { body, signature } = whatsappDelivery({ waId, profileName: "Paula", id: `wamid.funnel.${waId}`, text: "Oi! Sou Paula Mendes, meu email é paula.mendes@gmail.com. Quero um kit solar." });
  expect((await page.request.post("/api/webhooks/whatsapp", { data: body, headers: { "content-type": "application/json", "x-hub-signature-256": signature } })).status()).toBe(200);
  operator("jobs-drain", []);
  const queue = (await (await page.request.get("/api/v1/leads?q=paula.mendes")).json()) as { rows: { proposal: { id: string; status: string } | null }[] };
  const proposal = queue.rows[0]!.proposal!;
  expect(proposal.status).toBe("proposed");
  const { lead } = (await (await page.request.get(`/api/v1/leads/${proposal.id}`)).json()) as { lead: { version: number } };
  const rejected = await page.request.post(`/api/v1/leads/${proposal.id}/reject`, { headers, data: { version: lead.version, reason: "spam" } });
  expect(rejected.status()).toBe(200);
});

test("a reviewer cannot open the funnel", async ({ page }) => {
  await signIn(page, REVIEWER.email, REVIEWER.password);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Funnel" })).toHaveCount(0);
  const response = await page.goto("/funnel");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You cannot open this page" })).toBeVisible();
  expect((await page.request.get("/api/v1/funnel?from=2026-01-01&to=2026-01-31")).status()).toBe(403);
});

test("a manager reads the funnel, changes the period and the breakdown, downloads the CSV", async ({ page }) => {
  await signIn(page, MANAGER.email, MANAGER.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Funnel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Funnel" })).toBeVisible();
  await expect(page.getByLabel("Period")).toHaveValue("last_30_days");
  await expect(page.getByTestId("funnel-chart")).toBeVisible();

  // The last 7 days: the page shows what the API answers for them.
  await page.getByLabel("Period").selectOption("last_7_days");
  await expect(page).toHaveURL(/from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
  const week = await apiReport(page);
  expect(week.stages[0]!.count).toBeGreaterThan(0);
  await expect.poll(() => tableCounts(page)).toEqual(week.stages.map((stage) => stage.count));
  await expect(page.getByTestId("funnel-table").getByRole("link", { name: /^Rejected: spam: \d+$/ })).toBeVisible();

  // Custom days long ago: nothing started then.
  await page.getByLabel("Period").selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill("2020-01-01");
  await page.getByLabel("To", { exact: true }).fill("2020-01-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2020-01-01&to=2020-01-31/);
  await expect(page.getByText("No conversations started in this period")).toBeVisible();
  await expect.poll(() => tableCounts(page)).toEqual([0, 0, 0, 0, 0]);

  // Back to the last 30 days, broken down by language.
  await page.getByLabel("Period").selectOption("last_30_days");
  await expect(page).not.toHaveURL(/from=2020/);
  await page.getByLabel("Break down by").selectOption("language");
  await expect(page).toHaveURL(/groupBy=language/);
  const breakdown = page.getByTestId("funnel-breakdown");
  await expect(breakdown.getByRole("rowheader", { name: "pt", exact: true })).toBeVisible();
  const month = await apiReport(page);
  await expect.poll(() => tableCounts(page)).toEqual(month.stages.map((stage) => stage.count));
  await expect(page.getByTestId("funnel-accuracy")).toBeVisible();
  await expect(page.getByTestId("funnel-times")).toBeVisible();
  await page.screenshot({ path: "test-results/funnel.png", fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`funnel-${month.from}-to-${month.to}-by-language.csv`);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("section,group,stage,measure,value");
  expect(lines).toContain(`stage,,conversations,count,${month.stages[0]!.count}`);
  expect(lines).toContain(`dropped,,approved,rejected_spam,${month.stages[2]!.dropped.rejected_spam}`);
  expect(lines.some((line) => line.startsWith("stage,pt,conversations,count,"))).toBe(true);
});

test("a drop-off reason opens the queue filtered to those leads", async ({ page }) => {
  await signIn(page, MANAGER.email, MANAGER.password);
  await page.goto("/funnel");
  await page.getByTestId("funnel-table").getByRole("link", { name: /^Rejected: spam: \d+$/ }).click();
  await expect(page).toHaveURL(/\/queue\?.*funnel=rejected_spam/);
  await expect(page.getByTestId("funnel-filter")).toContainText("Rejected: spam");
  const rows = page.getByTestId("queue-row");
  await expect(rows.filter({ hasText: "Paula Mendes" })).toHaveCount(1);
  for (const status of await page.getByTestId("proposal-status").allTextContents()) expect(status.toLowerCase()).toBe("rejected");
  await page.getByTestId("funnel-filter").getByRole("button", { name: "Clear" }).click();
  await expect(page).not.toHaveURL(/funnel=/);
});

test("the funnel has no serious accessibility problems", async ({ page }) => {
  await signIn(page, MANAGER.email, MANAGER.password);
  await page.goto("/funnel?groupBy=product");
  await expect(page.getByTestId("funnel-table")).toBeVisible();
  expect(await accessibilityProblems(page)).toEqual([]);
});
