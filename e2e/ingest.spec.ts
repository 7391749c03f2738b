// A prospect writes on WhatsApp: Meta's signed delivery reaches the running app
// and the conversation appears in the open review queue without a reload.
import { expect, test } from "@playwright/test";
import { signIn, whatsappDelivery } from "./support";

test("a signed webhook delivery shows up in the open queue within seconds", async ({ page, request }) => {
  await signIn(page);
  await page.goto("/queue");
  await expect(page.getByTestId("queue-table")).toBeVisible();
  // Marks this page load: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { __sameLoad: boolean }).__sameLoad = true));

  const waId = `55119${String(Date.now()).slice(-8)}`;
  const name = `E2E Prospect ${waId.slice(-4)}`;
  const { body, signature } = whatsappDelivery({ waId, profileName: name, id: `wamid.e2e.${waId}`, text: "Oi! Quanto custa um kit solar para minha casa?" });

  const unsigned = await request.post("/api/webhooks/whatsapp", { data: body, headers: { "content-type": "application/json" } });
  expect(unsigned.status()).toBe(401);
  const delivered = await request.post("/api/webhooks/whatsapp", { data: body, headers: { "content-type": "application/json", "x-hub-signature-256": signature } });
  expect(delivered.status()).toBe(200);
  // Acknowledged at once; the background worker stores it moments later.
  expect(await delivered.json()).toEqual({ received: true });

  const firstRow = page.getByTestId("queue-table").locator("tbody tr").first();
  await expect(firstRow).toContainText(name, { timeout: 10_000 });
  // The background worker may already have extracted it: then the row shows the
  // product asked for instead of the message and "Not extracted yet".
  await expect(firstRow).toContainText(/Quanto custa um kit solar|Solar Panel Kit/);
  expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
});
