// No personal data in the logs: the log lines of a full run (a prospect's
// WhatsApp messages delivered by webhook, one unreadable message parked,
// extraction, a person's approval, the HubSpot sync failing once and then
// succeeding, the follow-up's task) are captured at the most verbose level
// and must not carry the prospect's words, name, email or phone in any form.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/whatsapp/route";
import { db } from "@/lib/db/client";
import { captureLogs } from "@/lib/log";
import { createWorkspace } from "@/lib/workspaces/create";
import { FakeHubSpot } from "../fakes/hubspot-server";
import { connectHubSpot } from "../support/crm";
import { withFakeHubSpot } from "../support/hubspot";
import { approveAndSync, deliverAndExtract, drainUntilSettled, type Clock } from "../support/lead-flow";
import { PASSWORD, signInCookie } from "../support/people";
import { configureWebhook, messagesPayload, noParams, signedRequest } from "../support/whatsapp";

const hubspot = new FakeHubSpot();
const clock: Clock = { now: Date.now() };
const WA_ID = "5511977775555";
const SAYS = [
  "Bom dia! Aqui é a Joana Ferreira Quintela, da Quintela Telhados.",
  "Quero painéis solares no galpão, 40 kW. Meu email é joana.quintela@example.com e o celular +55 11 97777-5555.",
  "Pode me ligar amanhã às 10h? Prefiro falar sobre financiamento.",
];
// Every form the prospect's data could leak in.
const FORBIDDEN = [
  ...SAYS,
  "Joana", "Quintela", "galpão", "financiamento", "Telhados",
  "joana.quintela@example.com", "joana.quintela",
  WA_ID, "11977775555", "977775555", "97777-5555", "77775555", "7777-5555", "551177775555",
];
const lines: string[] = [];
let restore: () => void;

withFakeHubSpot(hubspot, { LOG_LEVEL: "trace" });

beforeAll(async () => {
  configureWebhook();
  restore = captureLogs((line) => lines.push(line));
}, 60_000);

afterAll(() => restore());

describe("the logs of a full webhook-to-CRM run", () => {
  it("carry no message text, name, email or phone", { timeout: 180_000 }, async () => {
    const created = await createWorkspace({ name: "Quintela Solar", whatsappPhoneNumberId: "730000000000001", defaultCountry: "BR", admin: { email: "admin@quintela-shop.test", password: PASSWORD } });
    await connectHubSpot(created.workspaceId, hubspot.accessToken);
    const shop = { id: created.workspaceId, phoneNumberId: "730000000000001" };
    const admin = await signInCookie("admin@quintela-shop.test");

    // An unreadable message from her (no timestamp) is parked, and logged as parked.
    const unreadable = messagesPayload(shop.phoneNumberId, WA_ID, [{ from: WA_ID, id: "wamid.unreadable-1", type: "text", text: { body: SAYS[1] } }], "Joana Quintela");
    expect((await webhookRoute.POST(signedRequest(JSON.stringify(unreadable)), noParams)).status).toBe(200);

    // A delivery with a forged signature, carrying her words, is refused.
    const forged = messagesPayload(shop.phoneNumberId, WA_ID, [{ from: WA_ID, id: "wamid.forged-1", timestamp: "1", type: "text", text: { body: SAYS[0] } }], "Joana Quintela");
    expect((await webhookRoute.POST(signedRequest(JSON.stringify(forged), { secret: "not-the-app-secret" }), noParams)).status).toBe(401);

    const conversation = await deliverAndExtract(clock, shop, { waId: WA_ID, profileName: "Joana Quintela", messages: SAYS });
    hubspot.failNext(1);
    await approveAndSync(clock, shop.id, conversation, admin);
    clock.now += 2 * 86_400_000;
    await drainUntilSettled(clock, shop.id);

    // The run happened in full: synced to HubSpot, the follow-up's task made there, and logged.
    expect(hubspot.contactsWith("email", "joana.quintela@example.com")).toHaveLength(1);
    expect(await db().parkedWebhook.count({ where: { phoneNumberId: shop.phoneNumberId } })).toBe(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.includes("parked"))).toBe(true);

    const leaks = lines.flatMap((line) => FORBIDDEN.filter((value) => line.toLowerCase().includes(value.toLowerCase())).map((value) => `${value} in ${line.slice(0, 300)}`));
    expect(leaks).toEqual([]);
  });
});
