// The dashboard in a person's language: a browser asking for Spanish gets the
// sign-in page in Spanish; a person who picks Português (Brasil) on their
// settings page reads the queue, a lead's review pane and the funnel in
// Portuguese, and the choice stays after a reload (it is theirs, not the URL's).
// Uses a person of its own so the demo login stays in English for other specs.
import { expect, test } from "@playwright/test";
import { addMember, signIn } from "./support";

const email = `idioma.${Date.now()}@leadbridge.local`;
const password = "senha-de-teste-1234";

test("a browser asking for Spanish gets the sign-in page in Spanish", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-ES" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: "Inicia sesión en LeadBridge" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Iniciar sesión" })).toBeVisible();
  await context.close();
});

test("a person switches to Português (Brasil) and reads the queue, a lead and the funnel in Portuguese", async ({ page, browser }) => {
  // The demo admin adds a manager (managers see the funnel).
  await signIn(page);
  await addMember(page, { email, password }, "manager");

  const context = await browser.newContext({ locale: "en-US" });
  const person = await context.newPage();
  await signIn(person, email, password);
  await expect(person.locator("html")).toHaveAttribute("lang", "en");
  await expect(person.getByRole("heading", { name: "Review queue" })).toBeVisible();

  await person.getByRole("link", { name: "Your settings" }).click();
  await person.getByLabel("Language").selectOption({ label: "Português (Brasil)" });
  await person.getByRole("button", { name: "Save" }).click();
  await expect(person.getByRole("heading", { level: 1, name: "Suas configurações" })).toBeVisible();
  await expect(person.locator("html")).toHaveAttribute("lang", "pt-BR");

  // The queue: navigation, heading, views, statuses in plain Portuguese.
  await person.goto("/queue");
  const nav = person.getByRole("navigation", { name: "Principal" });
  await expect(nav.getByRole("link", { name: "Fila" })).toHaveAttribute("aria-current", "page");
  await expect(person.getByRole("heading", { level: 1, name: "Fila de revisão" })).toBeVisible();
  await expect(person.getByRole("button", { name: "Para revisar" })).toBeVisible();
  await expect(person.getByRole("button", { name: "Atribuídos a mim" })).toBeVisible();
  await expect(person.getByRole("columnheader", { name: "Urgência" })).toBeVisible();
  const ready = person.getByTestId("queue-row").filter({ has: person.getByTestId("proposal-status").getByText("Pronto para revisar", { exact: true }) }).first();
  await expect(ready).toBeVisible();
  await expect(person.getByText("Ready to review", { exact: true })).toHaveCount(0);

  // A lead's review pane.
  await ready.click();
  const review = person.getByTestId("lead-review");
  await expect(review).toBeVisible();
  await expect(review.getByRole("button", { name: /^Aprovar/ })).toBeVisible();
  await expect(review.getByRole("button", { name: /^Rejeitar/ })).toBeVisible();
  await expect(review.getByRole("textbox", { name: "Nome" })).toBeVisible();
  await expect(review.getByRole("button", { name: "Evidência: de onde veio o campo nome" })).toBeVisible();
  await expect(review.getByTestId("lead-status")).toContainText("Pronto para revisar");
  await review.getByRole("button", { name: /^Rejeitar/ }).click();
  const dialog = person.getByTestId("reject-dialog");
  await expect(dialog.getByRole("heading", { name: "Rejeitar lead" })).toBeVisible();
  await expect(dialog.getByLabel("Motivo")).toContainText("Não é um lead");
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await expect(dialog).toHaveCount(0);

  // The funnel.
  await nav.getByRole("link", { name: "Funil" }).click();
  await expect(person.getByRole("heading", { level: 1, name: "Funil" })).toBeVisible();
  const table = person.getByTestId("funnel-table");
  await expect(table.getByRole("columnheader", { name: "Etapa", exact: true })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Conversas", exact: true })).toBeVisible();
  await expect(person.getByTestId("funnel-period")).toContainText("Conversas cuja primeira mensagem foi em");
  await person.screenshot({ path: "test-results/funnel-pt-BR.png", fullPage: true });

  // The choice is the person's: it stays after a reload.
  await person.reload();
  await expect(person.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(person.getByRole("heading", { level: 1, name: "Funil" })).toBeVisible();
  await person.goto("/account");
  await expect(person.getByLabel("Idioma")).toHaveValue("pt-BR");
  await context.close();
});
