// The one call the DB / Inngest layer makes for a conversation's follow-up:
// proposal from signals in the prospect's time zone -> WhatsApp rules -> task text.
// Everything it needs comes in as arguments (rows already read, the prospect's
// zone resolved by resolveProspectTimeZone, `now` given);
// it returns what to store in FollowUp and CrmTask, or null for no follow-up.
import type { ConversationMessage } from "@/lib/scoring/conversation";
import type { BusinessHours } from "./business-hours";
import { proposeFollowUp, type FollowUpProposal } from "./proposal";
import type { ProspectTimeZone } from "./prospect-timezone";
import type { FollowUpChannel } from "./signals";
import { followUpTask, type FollowUpTask } from "./task-text";
import { applyWhatsAppRules } from "./whatsapp-window";

export type PlanFollowUpInput = {
  messages: readonly ConversationMessage[];
  now: Date;
  /** Conversation.contactWaId or Contact.phoneE164: can the prospect be called? */
  phone: string | null;
  /** From resolveProspectTimeZone. */
  prospectTimeZone: ProspectTimeZone;
  /** The latest BehavioralScore's follow_up_tone, if any. */
  followUpTone?: string | null;
  /** Conversation.language. */
  languageHint?: string | null;
  optedOut: boolean;
  hasEmail: boolean;
  contactName?: string | null;
  /** Defaults to the latest prospect message in `messages`. */
  lastProspectMessageAt?: Date | null;
  businessHours?: BusinessHours;
};

export type FollowUpPlan = FollowUpProposal & {
  channel: FollowUpChannel;
  prospectTimeZone: ProspectTimeZone;
  templateRequired: boolean;
  windowClosesAt: Date | null;
  task: FollowUpTask;
};

function latestProspectMessageAt(messages: readonly ConversationMessage[]): Date | null {
  const times = messages.filter((message) => message.role === "user").map((message) => message.sentAt.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

export function planFollowUp(input: PlanFollowUpInput): FollowUpPlan | null {
  const { prospectTimeZone } = input;
  const proposal = proposeFollowUp({
    messages: input.messages,
    now: input.now,
    timezone: prospectTimeZone.timezone,
    tone: input.followUpTone,
    languageHint: input.languageHint,
    businessHours: input.businessHours,
  });
  if (!proposal) return null;
  const rules = applyWhatsAppRules(proposal, {
    optedOut: input.optedOut,
    lastProspectMessageAt: input.lastProspectMessageAt ?? latestProspectMessageAt(input.messages),
    canEmail: input.hasEmail,
    canCall: input.phone !== null && input.phone.trim() !== "",
  });
  if (rules.channel === null) return null;
  const planned = { ...proposal, channel: rules.channel };
  return {
    ...planned,
    prospectTimeZone,
    templateRequired: rules.templateRequired,
    windowClosesAt: rules.windowClosesAt,
    task: followUpTask(planned, { contactName: input.contactName, notes: rules.notes }),
  };
}
