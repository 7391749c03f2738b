// What a WhatsApp message says, as one line of text: the text itself, or a
// readable placeholder for every other type ("[image: caption]", "[location:
// name, lat, long]", "[reaction 👍 to wamid...]"). Pure; the raw object is
// stored beside it, so nothing the prospect sent is lost.
import { z } from "zod";

const str = z.string().optional().catch(undefined);
const num = z.union([z.number(), z.string()]).optional().catch(undefined);

const media = z.looseObject({ caption: str, filename: str, voice: z.boolean().optional().catch(undefined) }).optional().catch(undefined);

const messageParts = z.looseObject({
  text: z.looseObject({ body: str }).optional().catch(undefined),
  image: media,
  video: media,
  audio: media,
  document: media,
  sticker: z.looseObject({ animated: z.boolean().optional().catch(undefined) }).optional().catch(undefined),
  location: z.looseObject({ latitude: num, longitude: num, name: str, address: str }).optional().catch(undefined),
  contacts: z
    .array(
      z.looseObject({
        name: z.looseObject({ formatted_name: str, first_name: str }).optional().catch(undefined),
        phones: z.array(z.looseObject({ phone: str, wa_id: str })).optional().catch(undefined),
      }),
    )
    .optional()
    .catch(undefined),
  interactive: z
    .looseObject({
      type: str,
      button_reply: z.looseObject({ id: str, title: str }).optional().catch(undefined),
      list_reply: z.looseObject({ id: str, title: str, description: str }).optional().catch(undefined),
      nfm_reply: z.looseObject({ name: str, body: str }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  button: z.looseObject({ text: str, payload: str }).optional().catch(undefined),
  reaction: z.looseObject({ message_id: str, emoji: str }).optional().catch(undefined),
  order: z
    .looseObject({
      catalog_id: str,
      text: str,
      product_items: z.array(z.looseObject({ product_retailer_id: str, quantity: num, item_price: num, currency: str })).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  system: z.looseObject({ body: str, type: str }).optional().catch(undefined),
  errors: z.array(z.looseObject({ title: str, message: str })).optional().catch(undefined),
});

type Parts = z.infer<typeof messageParts>;

const clean = (value: string | undefined) => value?.replace(/\s+/g, " ").trim() || undefined;
const placeholder = (label: string, ...details: (string | undefined)[]) => {
  const shown = details.map(clean).filter(Boolean);
  return shown.length > 0 ? `[${label}: ${shown.join(", ")}]` : `[${label}]`;
};

const renderers: Record<string, (parts: Parts) => string> = {
  text: (p) => p.text?.body ?? "[text message without text]",
  image: (p) => placeholder("image", p.image?.caption),
  video: (p) => placeholder("video", p.video?.caption),
  audio: (p) => (p.audio?.voice ? "[voice message]" : "[audio]"),
  document: (p) => placeholder("document", p.document?.filename, p.document?.caption),
  sticker: (p) => (p.sticker?.animated ? "[animated sticker]" : "[sticker]"),
  location: (p) =>
    placeholder("location", p.location?.name, p.location?.address, p.location?.latitude?.toString(), p.location?.longitude?.toString()),
  contacts: (p) =>
    placeholder(
      p.contacts && p.contacts.length > 1 ? "contact cards" : "contact card",
      ...(p.contacts ?? []).map((card) => {
        const name = clean(card.name?.formatted_name ?? card.name?.first_name);
        const phones = (card.phones ?? []).map((phone) => phone.phone ?? phone.wa_id).filter(Boolean);
        return [name, phones.length > 0 ? `(${phones.join(" / ")})` : undefined].filter(Boolean).join(" ");
      }),
    ),
  interactive: (p) => {
    const reply = p.interactive;
    if (reply?.button_reply) return placeholder("button reply", reply.button_reply.title ?? reply.button_reply.id);
    if (reply?.list_reply) return placeholder("list reply", reply.list_reply.title ?? reply.list_reply.id, reply.list_reply.description);
    if (reply?.nfm_reply) return placeholder("form reply", reply.nfm_reply.name);
    return placeholder("interactive", reply?.type);
  },
  button: (p) => placeholder("button", p.button?.text ?? p.button?.payload),
  reaction: (p) => {
    const target = p.reaction?.message_id ?? "a message";
    return p.reaction?.emoji ? `[reaction ${p.reaction.emoji} to ${target}]` : `[reaction removed from ${target}]`;
  },
  order: (p) => {
    const items = (p.order?.product_items ?? []).map((item) => `${item.product_retailer_id ?? "?"} x${item.quantity ?? 1}`);
    return placeholder("order", items.length > 0 ? `${items.length} item${items.length === 1 ? "" : "s"} (${items.join(", ")})` : undefined, p.order?.text);
  },
  system: (p) => placeholder("system", p.system?.body ?? p.system?.type),
  unsupported: (p) => placeholder("unsupported message", p.errors?.[0]?.title ?? p.errors?.[0]?.message),
};

/** The message's body: its text, or a placeholder naming its type and what it carries. */
export function messageBody(type: string, raw: Record<string, unknown>): string {
  const parts = messageParts.parse(raw);
  const render = renderers[type];
  return render ? render(parts) : `[${type.replace(/[^\w -]/g, "") || "unknown"} message]`;
}
