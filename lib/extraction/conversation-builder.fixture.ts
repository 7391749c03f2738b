// Builds conversations for tests: compact ["u" | "a", text] pairs become
// messages with ids and timestamps a minute apart.
import type { ConversationInput, MessageRole } from "./types";

export interface ConversationSketch {
  id?: string;
  country?: string;
  products?: string[];
  waId?: string;
  profile?: string | null;
  /** ISO date-time with offset of the first message. */
  start?: string;
  messages: Array<["u" | "a", string]>;
}

export function conversation(sketch: ConversationSketch): ConversationInput {
  const start = sketch.start ?? "2026-05-04T10:00:00+00:00";
  const offset = start.slice(19);
  const base = Date.parse(start);
  return {
    id: sketch.id ?? "test-conversation",
    defaultCountry: sketch.country ?? "US",
    products: sketch.products ?? [],
    contact: { waId: sketch.waId ?? "15550000000", profileName: sketch.profile === undefined ? null : sketch.profile },
    messages: sketch.messages.map(([who, content], index) => {
      const role: MessageRole = who === "u" ? "user" : "assistant";
      const at = new Date(base + index * 60_000).toISOString().slice(0, 19) + offset;
      return { id: `m${index + 1}`, role, content, at };
    }),
  };
}
