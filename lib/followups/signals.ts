// Follow-up signals read from a conversation: a time someone asked for (the
// prospect's "call me tomorrow at 10", or our own "I'll call you Tuesday"), the
// prospect's urgency, a question left unanswered, a quote requested; and the
// channel the prospect asked to be reached on. Pure: times come from the messages.
import { chronological, type ConversationMessage } from "@/lib/scoring/conversation";
import { BUYING_SIGNAL_CUES, NEGATED_URGENCY } from "@/lib/scoring/cues";
import { findCue, foldText, quoteAround, sentencesOf, type FoldedText } from "@/lib/scoring/text-match";
import { ASKS_FOR_CALL, ASKS_FOR_EMAIL, BUSINESS_PROMISE, FORMAL_QUOTE, QUESTION_START } from "./cues";
import { findRequestedTimes } from "./explicit-times";
import type { RequestedTime } from "./requested-time";

export type FollowUpChannel = "call" | "whatsapp" | "email";

/** The words behind a follow-up: which message, and the sentence that said it. */
export type SignalEvidence = { messageId: string; quote: string };

export type RequestedTimeSignal = SignalEvidence & {
  requested: RequestedTime;
  /** prospect = they asked to be contacted; business = we promised to get back. */
  by: "prospect" | "business";
};

export type FollowUpSignals = {
  requestedTime: RequestedTimeSignal | null;
  urgency: SignalEvidence | null;
  unansweredQuestion: SignalEvidence | null;
  quoteRequested: SignalEvidence | null;
  /** The channel the prospect asked for most recently, if any. */
  askedChannel: FollowUpChannel | null;
};

const isProspect = (message: ConversationMessage) => message.role === "user";

function evidence(message: ConversationMessage, text: FoldedText, cue: RegExp): SignalEvidence | null {
  const match = findCue(text, cue);
  return match ? { messageId: message.id, quote: quoteAround(message.text, match.start, match.end) } : null;
}

function channelAskedIn(text: FoldedText): FollowUpChannel | null {
  if (findCue(text, ASKS_FOR_EMAIL)) return "email";
  if (findCue(text, ASKS_FOR_CALL)) return "call";
  return null;
}

/** A message ends in a question, or one of its sentences opens like one ("quanto custa" without "?"). */
function questionIn(message: ConversationMessage): SignalEvidence | null {
  const sentences = sentencesOf(message.text);
  const question = [...sentences].reverse().find((sentence) => {
    if (sentence.includes("?")) return true;
    const match = findCue(foldText(sentence), QUESTION_START);
    return match !== null && match.start === 0;
  });
  return question ? { messageId: message.id, quote: question } : null;
}

/**
 * A later mention of the same day without a clock ("te contactamos el martes")
 * confirms an earlier request with one ("llámame el martes por la tarde"): it
 * does not replace it.
 */
function confirmsEarlier(later: RequestedTime, earlier: RequestedTime | undefined): boolean {
  return earlier !== undefined && earlier.timeGiven && !later.timeGiven && later.local.hasSame(earlier.local, "day");
}

/** The best time in one message: the first with a clock time, else the first. */
function requestedTimeIn(message: ConversationMessage, zone: string, languageHint?: string | null): RequestedTime | null {
  const times = findRequestedTimes(message.text, message.sentAt, zone, languageHint);
  return times.find((time) => time.timeGiven) ?? times[0] ?? null;
}

export function detectFollowUpSignals(
  messages: readonly ConversationMessage[],
  options: { timezone: string; languageHint?: string | null },
): FollowUpSignals {
  const ordered = chronological(messages);
  const signals: FollowUpSignals = {
    requestedTime: null,
    urgency: null,
    unansweredQuestion: null,
    quoteRequested: null,
    askedChannel: null,
  };
  const lastBusinessIndex = ordered.findLastIndex((message) => !isProspect(message));

  ordered.forEach((message, index) => {
    const text = foldText(message.text);
    const unreplied = index > lastBusinessIndex;
    if (isProspect(message) || findCue(text, BUSINESS_PROMISE)) {
      const requested = requestedTimeIn(message, options.timezone, options.languageHint);
      if (requested && !confirmsEarlier(requested, signals.requestedTime?.requested)) {
        signals.requestedTime = {
          messageId: message.id,
          quote: quoteAround(message.text, requested.start, requested.end),
          requested,
          by: isProspect(message) ? "prospect" : "business",
        };
      }
    }
    if (!isProspect(message)) return;
    signals.askedChannel = channelAskedIn(text) ?? signals.askedChannel;
    if (!findCue(text, NEGATED_URGENCY)) signals.urgency = evidence(message, text, BUYING_SIGNAL_CUES.urgency) ?? signals.urgency;
    const quote = evidence(message, text, FORMAL_QUOTE) ?? (unreplied ? evidence(message, text, BUYING_SIGNAL_CUES.asks_price) : null);
    signals.quoteRequested = quote ?? signals.quoteRequested;
    if (unreplied) signals.unansweredQuestion = questionIn(message) ?? signals.unansweredQuestion;
  });
  return signals;
}

/** The channel asked for in the message that carried the signal, else the one asked for last. */
export function channelFor(signal: SignalEvidence | null, messages: readonly ConversationMessage[], asked: FollowUpChannel | null): FollowUpChannel {
  const message = signal ? messages.find((candidate) => candidate.id === signal.messageId) : undefined;
  const inSignal = message && isProspect(message) ? channelAskedIn(foldText(message.text)) : null;
  return inSignal ?? asked ?? "whatsapp";
}
