// The conversation as the embedded rules read it: the prospect's messages (the
// only source of lead values), each with the business message it answers, and
// with prompt-injection messages set aside.
import { isInjectionText } from "../injection";
import type { ConversationInput, ConversationMessage } from "../types";

export interface ProspectMessage {
  message: ConversationMessage;
  /** Position in the whole conversation. */
  index: number;
  /** The latest assistant/agent message before this one, if any. */
  previousBusiness: ConversationMessage | null;
  /** The prospect message right before this one, when no business message came between. */
  previousProspect: ConversationMessage | null;
}

export interface ReadConversation {
  input: ConversationInput;
  prospect: ProspectMessage[];
  business: ConversationMessage[];
  injected: ConversationMessage[];
}

export function readConversation(input: ConversationInput): ReadConversation {
  const prospect: ProspectMessage[] = [];
  const business: ConversationMessage[] = [];
  const injected: ConversationMessage[] = [];
  let lastBusiness: ConversationMessage | null = null;
  let lastProspect: ConversationMessage | null = null;
  input.messages.forEach((message, index) => {
    if (message.role !== "user") {
      business.push(message);
      lastBusiness = message;
      lastProspect = null;
      return;
    }
    if (isInjectionText(message.content)) {
      injected.push(message);
      return;
    }
    prospect.push({ message, index, previousBusiness: lastBusiness, previousProspect: lastProspect });
    lastProspect = message;
  });
  return { input, prospect, business, injected };
}
