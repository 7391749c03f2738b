// Proposes ONE follow-up for a conversation from its signals, due in the
// prospect's business hours. The order of the rules is the order of trust:
//   1. a time someone asked for or promised -> that time (date only: 10:00),
//      moved into business hours;
//   2. the prospect is in a hurry          -> within 1 business hour of `now`;
//   3. a quote asked for / a question left unanswered -> next business morning (10:00);
//   4. otherwise, if the prospect wrote at all -> a nurture check-in 3 business days on;
//      a conversation where the prospect never wrote gets none.
// Pure: `now` is an argument, never read from the clock.
import { DateTime } from "luxon";
import type { ConversationMessage } from "@/lib/scoring/conversation";
import type { FollowUpTone } from "@/lib/scoring/vocabulary";
import {
  addBusinessMinutes,
  businessDayAtDefaultTime,
  businessDaysLater,
  DEFAULT_BUSINESS_HOURS,
  moveIntoBusinessHours,
  nextBusinessMorning,
  type BusinessHours,
} from "./business-hours";
import { assertTimeZone } from "./prospect-timezone";
import { channelFor, detectFollowUpSignals, type FollowUpChannel, type SignalEvidence } from "./signals";

export const URGENT_WITHIN_BUSINESS_MINUTES = 60;
export const NURTURE_AFTER_BUSINESS_DAYS = 3;

export type FollowUpRule = "requested_time" | "urgency" | "quote_requested" | "unanswered_question" | "nurture";

export type FollowUpProposal = {
  /** A UTC instant; show it in `timezone`. */
  dueAt: Date;
  /** The prospect's IANA zone the due time was planned in. */
  timezone: string;
  channel: FollowUpChannel;
  /** Human words: why this follow-up, and what was asked. */
  reason: string;
  /** follow_up_tone: the score's when given, else the rule's own. */
  tone: string;
  /** The message and words that asked for it; null for a nurture check-in. */
  signal: SignalEvidence | null;
  rule: FollowUpRule;
  /** The requested time had to move into business hours. */
  movedIntoBusinessHours: boolean;
  /** Already due when proposed (e.g. "call me tomorrow", read three days later). */
  overdue: boolean;
};

const RULE_TONE: Record<FollowUpRule, FollowUpTone> = {
  requested_time: "urgency_alignment",
  urgency: "urgency_alignment",
  quote_requested: "value_proof",
  unanswered_question: "reassurance",
  nurture: "nurture",
};

export type ProposeFollowUpInput = {
  messages: readonly ConversationMessage[];
  now: Date;
  /** The prospect's zone, from resolveProspectTimeZone. */
  timezone: string;
  /** The BehavioralScore's follow_up_tone, if scored. */
  tone?: string | null;
  /** Conversation.language, to try that language's date parser first. */
  languageHint?: string | null;
  businessHours?: BusinessHours;
};

const describeLocal = (time: DateTime) => time.setLocale("en").toFormat("ccc d LLL HH:mm");

export function proposeFollowUp(input: ProposeFollowUpInput): FollowUpProposal | null {
  const zone = assertTimeZone(input.timezone);
  const hours = input.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const now = DateTime.fromJSDate(input.now, { zone });
  const signals = detectFollowUpSignals(input.messages, { timezone: zone, languageHint: input.languageHint });

  const propose = (rule: FollowUpRule, due: DateTime, reason: string, signal: SignalEvidence | null, moved = false) => ({
    dueAt: due.toUTC().toJSDate(),
    timezone: zone,
    channel: channelFor(signal, input.messages, signals.askedChannel),
    reason,
    tone: input.tone ?? RULE_TONE[rule],
    signal: signal ? { messageId: signal.messageId, quote: signal.quote } : null,
    rule,
    movedIntoBusinessHours: moved,
    overdue: due < now,
  });

  const requested = signals.requestedTime;
  if (requested) {
    const asked = requested.requested;
    const due = asked.timeGiven ? moveIntoBusinessHours(asked.local, hours) : businessDayAtDefaultTime(asked.local, hours);
    const moved = asked.timeGiven && !due.equals(asked.local);
    const who = requested.by === "prospect" ? "Prospect asked to be contacted" : "We promised to get back";
    const movedNote = moved ? ` (asked for ${describeLocal(asked.local)}, moved into business hours)` : "";
    return propose("requested_time", due, `${who}: "${requested.quote}"${movedNote}`, requested, moved);
  }
  if (signals.urgency) {
    const due = addBusinessMinutes(now, URGENT_WITHIN_BUSINESS_MINUTES, hours);
    return propose("urgency", due, `Prospect is in a hurry: "${signals.urgency.quote}"`, signals.urgency);
  }
  if (signals.quoteRequested) {
    const reason = `Prospect asked for a price or quote: "${signals.quoteRequested.quote}"`;
    return propose("quote_requested", nextBusinessMorning(now, hours), reason, signals.quoteRequested);
  }
  if (signals.unansweredQuestion) {
    const reason = `Prospect's question has no reply yet: "${signals.unansweredQuestion.quote}"`;
    return propose("unanswered_question", nextBusinessMorning(now, hours), reason, signals.unansweredQuestion);
  }
  if (input.messages.some((message) => message.role === "user")) {
    const reason = "Check in to keep the conversation warm: nothing open was asked";
    return propose("nurture", businessDaysLater(now, NURTURE_AFTER_BUSINESS_DAYS, hours), reason, null);
  }
  return null;
}
