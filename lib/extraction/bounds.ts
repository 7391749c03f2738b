// How much text extraction reads, whoever provides it (a 3 MB webhook or a
// 500-conversation import can carry far more than a chat): at most
// MESSAGE_CHARS of each message (WhatsApp's own limit for a text message) and,
// of a longer conversation, whole messages from its opening (where people
// introduce themselves) and its end (where they correct and confirm), half the
// budget each. Both providers read the same bounded conversation, so the rules'
// cost and the LLM prompt's size are bounded too. Documented in the README.
import type { ConversationInput, ConversationMessage } from "./types";

export const EXTRACTION_BOUNDS = {
  /** Characters read of each message. */
  messageChars: 4_096,
  /** Characters read of a conversation (after each message's cut). */
  conversationChars: 64_000,
  /** Messages read of a conversation. */
  conversationMessages: 300,
  /** Characters read of the WhatsApp profile name. */
  profileNameChars: 128,
} as const;

/** The conversation as extraction reads it: within EXTRACTION_BOUNDS. Pure. */
export function boundConversation(input: ConversationInput): ConversationInput {
  const { messageChars, conversationChars, conversationMessages, profileNameChars } = EXTRACTION_BOUNDS;
  const messages = input.messages.map((message) => (message.content.length > messageChars ? { ...message, content: message.content.slice(0, messageChars) } : message));
  const profileName = input.contact.profileName?.slice(0, profileNameChars) ?? null;
  const contact = profileName === input.contact.profileName ? input.contact : { ...input.contact, profileName };
  const total = messages.reduce((sum, message) => sum + message.content.length, 0);
  if (total <= conversationChars && messages.length <= conversationMessages) return { ...input, contact, messages };

  const halfChars = conversationChars / 2;
  const halfCount = Math.floor(conversationMessages / 2);
  const take = (ordered: ConversationMessage[]): number => {
    let chars = 0;
    let count = 0;
    while (count < ordered.length && count < halfCount && chars + ordered[count]!.content.length <= halfChars) chars += ordered[count++]!.content.length;
    return count;
  };
  const head = take(messages);
  const tail = Math.min(take([...messages].reverse()), messages.length - head);
  return { ...input, contact, messages: [...messages.slice(0, head), ...messages.slice(messages.length - tail)] };
}
