// The WhatsApp deliveries the ingest benchmark sends: one text message each,
// shaped and signed as Meta sends them. Contacts take turns, each contact's
// messages one second apart in its own order, so the order stored can be
// checked afterwards. Pure (signing aside).
import { signBody } from "@/lib/ingest/signature";

export type DeliveryPlan = {
  runId: string;
  phoneNumberId: string;
  contacts: number;
  /** Unix seconds of every contact's first message. */
  baseTime: number;
};

export type Delivery = { seq: number; body: string; signature: string };

/** The contact (wa_id) of the `seq`th message and its place among that contact's messages. */
export function contactOf(plan: DeliveryPlan, seq: number): { waId: string; index: number } {
  const contact = seq % plan.contacts;
  return { waId: `5511${String(900_000_000 + contact)}`, index: Math.floor(seq / plan.contacts) };
}

export const messageIdOf = (plan: DeliveryPlan, seq: number) => `wamid.bench.${plan.runId}.${seq}`;

const TEXTS = [
  "Oi, quanto custa um kit solar para minha casa?",
  "Meu nome é Ana Souza, pode me ligar amanhã de manhã?",
  "Quero um orçamento, meu email é ana.souza@example.com",
  "Hola, ¿tienen baterías para una tienda pequeña?",
  "Hi, I'd like a quote for an inverter this week",
];

export function delivery(plan: DeliveryPlan, seq: number, secret: string): Delivery {
  const { waId, index } = contactOf(plan, seq);
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA-BENCH",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550001111", phone_number_id: plan.phoneNumberId },
              contacts: [{ profile: { name: `Prospect ${waId.slice(-4)}` }, wa_id: waId }],
              messages: [
                { from: waId, id: messageIdOf(plan, seq), timestamp: String(plan.baseTime + index), type: "text", text: { body: `#${index} ${TEXTS[seq % TEXTS.length]}` } },
              ],
            },
          },
        ],
      },
    ],
  });
  return { seq, body, signature: signBody(body, secret) };
}
