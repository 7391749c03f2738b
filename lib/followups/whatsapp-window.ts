// WhatsApp's rules for a follow-up, pure:
// - a prospect who opted out never gets a WhatsApp follow-up: email if we have
//   their address (written, least intrusive), else a call, else none;
// - a free-form WhatsApp message is only allowed within the 24-hour customer
//   service window after the prospect's last message; a follow-up due later
//   needs an approved template message, and its task must say so.
import type { FollowUpProposal } from "./proposal";
import type { FollowUpChannel } from "./signals";

export const CUSTOMER_SERVICE_WINDOW_HOURS = 24;

export type WhatsAppContext = {
  optedOut: boolean;
  /** Conversation.lastUserMessageAt: when the prospect last wrote. */
  lastProspectMessageAt: Date | null;
  /** Whether we hold an email address / a phone number we may call. */
  canEmail: boolean;
  canCall: boolean;
};

export type WhatsAppOutcome = {
  /** null: no channel is left; do not create the follow-up. */
  channel: FollowUpChannel | null;
  templateRequired: boolean;
  /** When free-form WhatsApp messages stop being allowed; null if the prospect never wrote. */
  windowClosesAt: Date | null;
  /** Sentences for the task, in the order a salesperson needs them. */
  notes: string[];
};

export function customerServiceWindowClosesAt(lastProspectMessageAt: Date | null): Date | null {
  return lastProspectMessageAt
    ? new Date(lastProspectMessageAt.getTime() + CUSTOMER_SERVICE_WINDOW_HOURS * 3_600_000)
    : null;
}

/** Free-form WhatsApp is allowed at `at` only inside the window (it closes at exactly 24 h). */
export function isInsideCustomerServiceWindow(lastProspectMessageAt: Date | null, at: Date): boolean {
  const closesAt = customerServiceWindowClosesAt(lastProspectMessageAt);
  return closesAt !== null && at.getTime() < closesAt.getTime();
}

export function applyWhatsAppRules(
  proposal: Pick<FollowUpProposal, "channel" | "dueAt">,
  context: WhatsAppContext,
): WhatsAppOutcome {
  const windowClosesAt = customerServiceWindowClosesAt(context.lastProspectMessageAt);
  if (proposal.channel !== "whatsapp") {
    return { channel: proposal.channel, templateRequired: false, windowClosesAt, notes: [] };
  }
  if (context.optedOut) {
    const fallback: FollowUpChannel | null = context.canEmail ? "email" : context.canCall ? "call" : null;
    const note =
      fallback === null
        ? "Prospect opted out of WhatsApp and we have no other way to reach them: no follow-up."
        : `Prospect opted out of WhatsApp: follow up by ${fallback === "email" ? "email" : "phone call"} instead.`;
    return { channel: fallback, templateRequired: false, windowClosesAt, notes: [note] };
  }
  if (isInsideCustomerServiceWindow(context.lastProspectMessageAt, proposal.dueAt)) {
    return { channel: "whatsapp", templateRequired: false, windowClosesAt, notes: [] };
  }
  const why = windowClosesAt
    ? `WhatsApp's 24-hour customer service window closes ${windowClosesAt.toISOString()} (24 h after the prospect's last message)`
    : "The prospect has not written to us on WhatsApp yet";
  return {
    channel: "whatsapp",
    templateRequired: true,
    windowClosesAt,
    notes: [`${why}: send an approved WhatsApp template message; a free-form message will not be delivered.`],
  };
}
