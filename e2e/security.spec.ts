// What a browser enforces on a production start: each page's
// Content-Security-Policy carries a fresh nonce that Next.js put on its scripts
// (the dashboard hydrates with no CSP violation), nothing may frame the app,
// the API is never a document, HSTS is sent, and sign-in never leaves the site.
import { expect, test, type ConsoleMessage } from "@playwright/test";
import { BASE_URL, DEMO_EMAIL, DEMO_PASSWORD, signIn } from "./support";

const directive = (policy: string, name: string) =>
  policy
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));

test("pages carry a nonce-based CSP, no framing, nosniff, a referrer policy and HSTS", async ({ page }) => {
  const first = await page.request.get("/sign-in");
  const second = await page.request.get("/sign-in");
  const policy = first.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(directive(policy, "script-src") ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'none'");
  expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
  expect(first.headers()).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" });
  expect(first.headers()["strict-transport-security"]).toMatch(/^max-age=\d+/);
  // Every script Next.js rendered carries this response's nonce.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
});

test("the API answers with a policy that loads nothing, and is never framed", async ({ request }) => {
  const response = await request.get("/api/v1/leads");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the dashboard runs under its policy without a single violation", async ({ page }) => {
  const violations: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  };
  page.on("console", onConsole);
  await signIn(page);
  await expect(page.getByTestId("queue-table").locator("tbody tr").first()).toBeVisible();
  // Interactive (hydrated): a filter changes the URL through client-side code.
  await page.getByRole("link", { name: "Follow-ups" }).click();
  await expect(page).toHaveURL(/\/follow-ups$/);
  expect(violations).toEqual([]);
});

test("sign-in never sends the browser to another site, however `next` is spelled", async ({ page }) => {
  for (const next of ["%2F%09%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill(DEMO_EMAIL);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${BASE_URL}/queue`);
  }
});
