// The words of a follow-up task in the CRM (CrmTask subject/body/type/priority):
// what to do, when in the prospect's time, why, how to approach them, and any
// WhatsApp rule that applies (opt-out, template needed).
import { DateTime } from "luxon";
import { isFollowUpTone, normalizeVocabularyValue, TONE_WORDING } from "@/lib/scoring/vocabulary";
import type { FollowUpProposal, FollowUpRule } from "./proposal";
import type { FollowUpChannel } from "./signals";

export type FollowUpTask = {
  subject: string;
  body: string;
  /** CrmTask.type */
  type: "CALL" | "EMAIL" | "WHATSAPP";
  /** CrmTask.priority */
  priority: "LOW" | "MEDIUM" | "HIGH";
};

const VERB: Record<FollowUpChannel, string> = { call: "Call", email: "Email", whatsapp: "WhatsApp" };
const TASK_TYPE: Record<FollowUpChannel, FollowUpTask["type"]> = { call: "CALL", email: "EMAIL", whatsapp: "WHATSAPP" };
const WHAT: Record<FollowUpRule, string> = {
  requested_time: "at the time agreed",
  urgency: "urgent request",
  quote_requested: "send the price or quote",
  unanswered_question: "answer their question",
  nurture: "check in",
};
const PRIORITY: Record<FollowUpRule, FollowUpTask["priority"]> = {
  requested_time: "HIGH",
  urgency: "HIGH",
  quote_requested: "MEDIUM",
  unanswered_question: "MEDIUM",
  nurture: "LOW",
};

function approach(tone: string): string {
  const value = normalizeVocabularyValue(tone);
  return isFollowUpTone(value) ? TONE_WORDING[value].field : `Unknown approach (${JSON.stringify(tone)})`;
}

export function followUpTask(
  proposal: FollowUpProposal & { channel: FollowUpChannel },
  options: { contactName?: string | null; notes?: readonly string[] } = {},
): FollowUpTask {
  const due = DateTime.fromJSDate(proposal.dueAt, { zone: proposal.timezone }).setLocale("en");
  const lines = [
    proposal.reason,
    `Due ${due.toFormat("ccc d LLL yyyy, HH:mm")} the prospect's time (${proposal.timezone}).`,
    `Approach: ${approach(proposal.tone)}`,
    ...(options.notes ?? []),
  ];
  if (proposal.overdue) lines.push("Already overdue when proposed: contact them as soon as possible.");
  return {
    subject: `${VERB[proposal.channel]} ${options.contactName?.trim() || "the prospect"}: ${WHAT[proposal.rule]}`,
    body: lines.join("\n"),
    type: TASK_TYPE[proposal.channel],
    priority: PRIORITY[proposal.rule],
  };
}
