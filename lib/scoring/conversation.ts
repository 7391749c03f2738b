// The shape of a conversation as the pure scoring and follow-up code reads it:
// no database types, so the DB layer maps Message rows (role, body, sentAt) in.

export type MessageRole = "user" | "assistant" | "agent";

export type ConversationMessage = {
  id: string;
  /** user = the prospect; assistant = the chatbot; agent = a person of the business. */
  role: MessageRole;
  text: string;
  sentAt: Date;
};

/** Messages in the order they were sent (ties keep their given order). */
export function chronological(messages: readonly ConversationMessage[]): ConversationMessage[] {
  return messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => a.message.sentAt.getTime() - b.message.sentAt.getTime() || a.index - b.index)
    .map(({ message }) => message);
}
