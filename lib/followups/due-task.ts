// What a scheduled follow-up becomes when it is due, pure: WhatsApp's rules
// applied again at that moment (the prospect may have opted out since; the
// 24-hour window has usually closed, so a WhatsApp follow-up needs a template),
// then the CRM task's words rebuilt for its current due time. CRMs know CALL,
// EMAIL and TODO tasks: a WhatsApp follow-up is a TODO whose body names the channel.
import type { CrmTaskInput, CrmTaskType } from "@/lib/crm/types";
import type { FollowUpRule } from "./proposal";
import type { FollowUpChannel } from "./signals";
import { followUpTask } from "./task-text";
import { applyWhatsAppRules } from "./whatsapp-window";

export type DueFollowUp = {
  id: string;
  dueAt: Date;
  timezone: string;
  channel: string;
  reason: string;
  tone: string | null;
  rule: string | null;
  signal: string | null;
  signalMessageId: string | null;
};

export type DueContext = {
  now: Date;
  optedOut: boolean;
  lastProspectMessageAt: Date | null;
  contactName: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
};

export type DueOutcome =
  | { kind: "cancel"; reason: string }
  | { kind: "task"; channel: FollowUpChannel; templateRequired: boolean; task: Omit<CrmTaskInput, "crmContactId"> };

const CHANNELS: readonly FollowUpChannel[] = ["call", "whatsapp", "email"];
const RULES: readonly FollowUpRule[] = ["requested_time", "urgency", "quote_requested", "unanswered_question", "nurture"];
const CHANNEL_NAME: Record<FollowUpChannel, string> = { call: "phone call", email: "email", whatsapp: "WhatsApp" };

export function crmTaskType(channel: FollowUpChannel): CrmTaskType {
  return channel === "call" ? "CALL" : channel === "email" ? "EMAIL" : "TODO";
}

export function dueTask(followUp: DueFollowUp, context: DueContext): DueOutcome {
  const planned = (CHANNELS as readonly string[]).includes(followUp.channel) ? (followUp.channel as FollowUpChannel) : "whatsapp";
  const rules = applyWhatsAppRules(
    { channel: planned, dueAt: context.now },
    { optedOut: context.optedOut, lastProspectMessageAt: context.lastProspectMessageAt, canEmail: context.hasEmail, canCall: context.hasPhone },
  );
  if (rules.channel === null) return { kind: "cancel", reason: rules.notes[0] ?? "No channel is left to reach the prospect." };
  const rule = (RULES as readonly string[]).includes(followUp.rule ?? "") ? (followUp.rule as FollowUpRule) : "nurture";
  const text = followUpTask(
    {
      dueAt: followUp.dueAt,
      timezone: followUp.timezone,
      channel: rules.channel,
      reason: followUp.reason,
      tone: followUp.tone ?? "nurture",
      signal: followUp.signal && followUp.signalMessageId ? { messageId: followUp.signalMessageId, quote: followUp.signal } : null,
      rule,
      movedIntoBusinessHours: false,
      overdue: false,
    },
    { contactName: context.contactName, notes: rules.notes },
  );
  return {
    kind: "task",
    channel: rules.channel,
    templateRequired: rules.templateRequired,
    task: {
      dueAt: followUp.dueAt,
      subject: text.subject,
      body: `Channel: ${CHANNEL_NAME[rules.channel]}\n${text.body}`,
      priority: text.priority,
      type: crmTaskType(rules.channel),
      followUpId: followUp.id,
    },
  };
}
