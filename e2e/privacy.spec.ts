// Settings -> Privacy in the browser: an admin exports a prospect's data (a JSON
// download with their messages) and erases it after a confirmation; the lead is
// gone from the queue.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { operator, signIn, whatsappDelivery } from "./support";

const waId = "5531920261129";

test("an admin exports a prospect's data, then erases it", async ({ page }) => {
  await signIn(page);
  const { body, signature } = whatsappDelivery({ waId, profileName: "Lia", id: `wamid.privacy.${Date.now()}`, text: "Oi! Sou Lia Prado, lia.prado@example.com. Quero um orçamento de bateria." });
  expect((await page.request.post("/api/webhooks/whatsapp", { data: body, headers: { "content-type": "application/json", "x-hub-signature-256": signature } })).status()).toBe(200);
  operator("jobs-drain", []);
  const queued = (await (await page.request.get("/api/v1/leads?q=lia.prado")).json()) as { rows: unknown[] };
  expect(queued.rows).toHaveLength(1);

  await page.goto("/settings/privacy");
  const form = page.getByRole("form", { name: "Person's data request" });
  await form.getByLabel("Phone", { exact: true }).fill("+55 31 92026-1129");
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Export their data" }).click()]);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8")) as { conversations: { messages: { body: string }[] }[] };
  expect(exported.conversations).toHaveLength(1);
  expect(exported.conversations[0]!.messages[0]!.body).toContain("Lia Prado");

  await form.getByRole("button", { name: "Erase their data…" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Erase their data" }).click();
  await expect(page.getByTestId("erasure-summary")).toContainText("Erased 1 conversations");
  expect(((await (await page.request.get("/api/v1/leads?q=lia.prado")).json()) as { rows: unknown[] }).rows).toHaveLength(0);
});
