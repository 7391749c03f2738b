// The dashboard in a person's language: a browser asking for Spanish gets the
// sign-in page in Spanish; a person who picks Português (Brasil) on their
// settings page reads the queue, a lead's review pane and the funnel in
// Portuguese, and the choice stays after a reload (it is theirs, not the URL's).
// What the server writes (a duplicate's reason, a flag that carries values, a
// funnel group) and the settings pages' forms read in Portuguese too.
// Uses a person of its own so the demo login stays in English for other specs.
import { expect, test, type Page } from "@playwright/test";
import { addMember, operator, pageApiHeaders, signIn } from "./support";

const email = `idioma.${Date.now()}@leadbridge.local`;
const password = "senha-de-teste-1234";
const waId = `55319${String(Date.now()).slice(-8)}`;

/** The ids of the leads ready to review matching a search, once background work has extracted them (it may take a round or two). */
async function proposedLeads(admin: Page, search: string, count: number): Promise<string[]> {
  let ids: string[] = [];
  await expect
    .poll(
      async () => {
        operator("jobs-drain", []);
        const body = (await (await admin.request.get(`/api/v1/leads?q=${encodeURIComponent(search)}`)).json()) as { rows: { proposal: { id: string; status: string } | null }[] };
        ids = body.rows.flatMap((row) => (row.proposal?.status === "proposed" ? [row.proposal.id] : []));
        return ids.length;
      },
      { timeout: 60_000 },
    )
    .toBe(count);
  return ids;
}

/** Inês becomes a contact, then writes again from the same number and corrects her email: a lead with a duplicate and a flag with values. */
async function seedReturningProspect(admin: Page) {
  const headers = await pageApiHeaders(admin);
  const importConversation = (n: number, messages: { role: "user" | "assistant"; content: string }[]) =>
    admin.request.post("/api/v1/conversations/import", {
      headers,
      data: { id: `languages-${waId}-${n}`, channel: "whatsapp", contact: { wa_id: waId, profile_name: "Inês" }, messages: messages.map((message, index) => ({ id: `wamid.languages.${waId}.${n}.${index}`, ...message, at: new Date().toISOString() })) },
    });
  expect((await importConversation(1, [{ role: "user", content: "Oi, aqui é a Inês Vasconcelos. Meu email é ines.vas@gmail.com e quero o kit solar." }])).status()).toBe(200);
  const [id] = await proposedLeads(admin, "Vasconcelos", 1);
  const detail = (await (await admin.request.get(`/api/v1/leads/${id}`)).json()) as { lead: { version: number } };
  expect((await admin.request.post(`/api/v1/leads/${id}/approve`, { headers, data: { version: detail.lead.version } })).status()).toBe(200);
  const again = [
    { role: "user" as const, content: "Oi de novo, aqui é a Inês Vasconcelos. Meu email é ines.vas@gmail.com" },
    { role: "assistant" as const, content: "Obrigado!" },
    { role: "user" as const, content: "desculpa, o certo é inesvasconcelos@gmail.com" },
  ];
  expect((await importConversation(2, again)).status()).toBe(200);
  await proposedLeads(admin, "Vasconcelos", 1);
}

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
  await seedReturningProspect(page);

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

  // What the server writes, worded from its code and values: a duplicate's reason and a flag about a corrected email.
  await person.goto("/queue?q=Vasconcelos");
  await person.getByTestId("queue-row").filter({ has: person.getByTestId("proposal-status").getByText("Pronto para revisar", { exact: true }) }).first().click();
  const returning = person.getByTestId("lead-review");
  await expect(returning.getByTestId("duplicates")).toContainText(`mesmo telefone +${waId}`);
  await expect(returning.getByTestId("duplicates")).not.toContainText("same phone");
  await expect(returning.locator('[data-flag="value_corrected"]')).toContainText('O cliente informou "ines.vas@gmail.com" antes e depois "inesvasconcelos@gmail.com"; fica o último');
  // The labeled scores (English in the CRM) read in Portuguese on the pane.
  await expect(returning.getByTestId("score-labels")).toContainText("Intenção");
  await expect(returning.getByTestId("score-labels")).toContainText("Objeção principal");

  // The funnel.
  await nav.getByRole("link", { name: "Funil" }).click();
  await expect(person.getByRole("heading", { level: 1, name: "Funil" })).toBeVisible();
  const table = person.getByTestId("funnel-table");
  await expect(table.getByRole("columnheader", { name: "Etapa", exact: true })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Conversas", exact: true })).toBeVisible();
  await expect(person.getByTestId("funnel-period")).toContainText("Conversas cuja primeira mensagem foi em");
  await person.screenshot({ path: "test-results/funnel-pt-BR.png", fullPage: true });
  // A breakdown's groups that are the product's words, not data.
  await person.goto("/funnel?groupBy=source");
  await expect(person.getByTestId("funnel-breakdown").getByRole("rowheader", { name: "Importação", exact: true })).toBeVisible();
  await expect(person.getByTestId("funnel-breakdown").getByRole("rowheader", { name: "Import", exact: true })).toHaveCount(0);

  // The choice is the person's: it stays after a reload.
  await person.reload();
  await expect(person.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expect(person.getByRole("heading", { level: 1, name: "Funil" })).toBeVisible();
  await person.goto("/account");
  await expect(person.getByLabel("Idioma")).toHaveValue("pt-BR");

  // Settings pages' forms (a manager reads them; admins change them).
  await person.goto("/settings/workspace");
  await expect(person.getByRole("heading", { level: 1, name: "Configurações do espaço de trabalho" })).toBeVisible();
  await expect(person.getByText("Só administradores podem alterar estas configurações.")).toBeVisible();
  await expect(person.getByLabel("Nome da empresa")).toBeVisible();
  await expect(person.getByRole("group", { name: "Dias úteis" }).getByText("Seg", { exact: true })).toBeVisible();
  await expect(person.getByText("Business name")).toHaveCount(0);
  await person.goto("/settings/whatsapp");
  await expect(person.getByRole("heading", { level: 1, name: "Números de WhatsApp" })).toBeVisible();
  await expect(person.getByRole("columnheader", { name: "Número", exact: true })).toBeVisible();
  await expect(person.getByText("Só administradores podem adicionar ou remover números.")).toBeVisible();
  await context.close();
});
