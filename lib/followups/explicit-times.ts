// Finds the times a message asks for ("call me tomorrow at 10", "ligue na
// segunda", "llámame el martes a las 3", "ruf mich morgen an", "rappelez-moi
// lundi") with chrono-node's en/es/pt/de/fr parsers plus date-phrases.ts.
// Relative words are read against the moment the message was sent, in the
// prospect's zone; chrono's date components are then re-read as wall-clock time
// in that IANA zone, because chrono itself only knows a fixed UTC offset and
// would be an hour off across a DST change ("Tuesday at 3pm" said before
// the clocks go back).
import * as chrono from "chrono-node";
import { DateTime } from "luxon";
import { foldText } from "@/lib/scoring/text-match";
import { findHandledPhrases, afternoonIfAmbiguous } from "./date-phrases";
import { guessDateLocales, type DateLocale } from "./language";
import type { RequestedTime } from "./requested-time";

const PARSERS: Record<DateLocale, chrono.Chrono> = {
  en: chrono.en.casual,
  es: chrono.es.casual,
  pt: chrono.pt.casual,
  de: chrono.de.casual,
  fr: chrono.fr.casual,
};

/** Hours chrono gives for "morning", "evening"… are not call times; these are. */
const PART_OF_DAY_HOUR: Record<string, number> = {
  "casualReference/morning": 10,
  "casualReference/afternoon": 15,
  "casualReference/evening": 17,
  "casualReference/tonight": 17,
};

/** A clock time chrono's pt/es parsers leave behind a weekday: "sexta às 15h", "lunes, 10:30". */
const TRAILING_TIME =
  /^\s*,?\s*(?:(at|around|a las|a la|sobre las|as|às|ás|a partir das|um|gegen|ab|vers|à|a)\s+)?(\d{1,2})(?:\s*[:h.]\s*(\d{2}))?\s*(h|hs|hrs|horas|hora|uhr|pm|am|p\.m\.|a\.m\.)?(?![\p{L}\d])/iu;

function partOfDayHour(result: chrono.ParsedResult): number | null {
  for (const tag of result.tags()) {
    const hour = PART_OF_DAY_HOUR[tag];
    if (hour !== undefined) return hour;
  }
  return null;
}

type Clock = { hour: number; minute: number };

function trailingClock(text: string, from: number): { clock: Clock; end: number } | null {
  const match = TRAILING_TIME.exec(text.slice(from));
  if (!match) return null;
  const [whole, preposition, hourText, minuteText, suffix] = match;
  if (!preposition && !suffix && !minuteText) return null;
  let hour = Number(hourText);
  const minute = minuteText ? Number(minuteText) : 0;
  if (hour > 23 || minute > 59) return null;
  const unit = suffix?.toLowerCase().replace(/\./g, "");
  if (unit === "pm" && hour < 12) hour += 12;
  else if (unit !== "am") hour = afternoonIfAmbiguous(hour);
  return { clock: { hour, minute }, end: from + whole.trimEnd().length };
}

function hasDate(result: chrono.ParsedResult): boolean {
  const start = result.start;
  return start.isCertain("day") || start.isCertain("weekday") || start.isCertain("month");
}

/** chrono's result -> RequestedTime in `zone`; `said` is the message's local time. */
function toRequestedTime(result: chrono.ParsedResult, text: string, said: DateTime, zone: string): RequestedTime | null {
  const start = result.start;
  // chrono keeps trailing punctuation ("Monday,"): not part of the quote.
  let end = result.index + result.text.replace(/[\s,.;:!?]+$/u, "").length;
  if (start.isCertain("timezoneOffset")) {
    // "in 2 hours", "at 3pm EST": an instant, not a wall-clock time.
    const local = DateTime.fromJSDate(start.date(), { zone });
    return { quote: text.slice(result.index, end), start: result.index, end, local, timeGiven: start.isCertain("hour") };
  }
  let clock: Clock | null = null;
  if (start.isCertain("hour")) {
    const hour = start.isCertain("meridiem") ? (start.get("hour") ?? 0) : afternoonIfAmbiguous(start.get("hour") ?? 0);
    clock = { hour, minute: start.get("minute") ?? 0 };
  } else {
    const trailing = trailingClock(text, end);
    if (trailing) {
      clock = trailing.clock;
      end = trailing.end;
    } else {
      const hour = partOfDayHour(result);
      if (hour !== null) clock = { hour, minute: 0 };
    }
  }
  if (!hasDate(result) && clock === null) return null;
  let day: DateTime = DateTime.fromObject(
    { year: start.get("year") ?? said.year, month: start.get("month") ?? said.month, day: start.get("day") ?? said.day },
    { zone },
  );
  if (!hasDate(result) && clock) {
    // A time alone ("at 3") means the next such time after the message.
    day = said.startOf("day");
    if (day.set(clock) <= said) day = day.plus({ days: 1 });
  }
  if (!day.isValid) return null;
  const local = clock ? day.set({ ...clock, second: 0, millisecond: 0 }) : day;
  return { quote: text.slice(result.index, end), start: result.index, end, local, timeGiven: clock !== null };
}

/** "amanhã de manhã", "mañana por la tarde": chrono's pt/es parsers return the day and the part of day apart. */
function mergeDayAndTime(times: RequestedTime[], text: string): RequestedTime[] {
  const merged: RequestedTime[] = [];
  for (const time of times) {
    const previous = merged.at(-1);
    const gap = previous ? text.slice(previous.end, time.start) : "";
    if (previous && !previous.timeGiven && time.timeGiven && time.start >= previous.end && gap.length <= 10 && !/[.!?\n]/.test(gap)) {
      merged[merged.length - 1] = {
        quote: text.slice(previous.start, time.end),
        start: previous.start,
        end: time.end,
        local: previous.local.set({ hour: time.local.hour, minute: time.local.minute }),
        timeGiven: true,
      };
    } else {
      merged.push(time);
    }
  }
  return merged;
}

/** "Monday last week", "el lunes pasado", "letzten Montag": chrono's forwardDate would move these into the future. */
const PAST_AFTER = /^\s*(?:last week|ago|passad[oa]|pasad[oa]|dernier|derni[eè]re)(?![\p{L}])/iu;
const PAST_BEFORE = /(?<![\p{L}])(?:last|letzte[nrs]?|vergangene[nrs]?|pichh?le)\s*$/iu;

const PAST_INSIDE = /(?<![\p{L}])(?:last|ago|passad[oa]|pasad[oa]|letzte[nrs]?|vergangene[nrs]?|dernier|derni[eè]re)(?![\p{L}])/iu;

function saidOfThePast(text: string, time: { start: number; end: number }): boolean {
  return (
    PAST_INSIDE.test(text.slice(time.start, time.end)) ||
    PAST_AFTER.test(text.slice(time.end)) ||
    PAST_BEFORE.test(text.slice(0, time.start))
  );
}

/** Emails, web addresses, domains and phone numbers hold no times: "luc@martin-immo.fr" is not Friday. */
const NOT_TIMES = [
  /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu,
  /(?:https?:\/\/|www\.)[^\s]+/giu,
  /(?<![\p{L}\d@.-])[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|net|org|info|biz|io|co|app|dev|ai|br|mx|es|fr|de|uk|in|cl|ar|pt|it|us|ca|au)(?![\p{L}\d-])/giu,
  // Seven or more digits with spaces, dots, dashes or brackets between: a phone number, not "15.03.2026".
  /\+?\(?\d(?:[\d\s().-]*\d){6,}/gu,
];
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

/** The text with those spans blanked out (same length, so offsets still point into the original). */
export function blankOutNonTimes(text: string): string {
  let blanked = text;
  for (const pattern of NOT_TIMES) {
    blanked = blanked.replace(pattern, (span) => (DATE_LIKE.test(span.trim()) ? span : " ".repeat(span.length)));
  }
  return blanked;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * The times one message asks for, in text order. Past times ("yesterday") are
 * dropped; a bare number ("15") is never a time, nor is anything inside an
 * email, a web address or a phone number.
 */
export function findRequestedTimes(
  original: string,
  sentAt: Date,
  zone: string,
  languageHint?: string | null,
): RequestedTime[] {
  const text = blankOutNonTimes(original);
  const said = DateTime.fromJSDate(sentAt, { zone });
  const handled = findHandledPhrases(foldText(text), said);
  const reference = { instant: sentAt, timezone: said.offset };
  // Every locale reads the message; the one that understands most of it wins
  // (ties: the guessed language first), so "jueves 10:30" is not read as English "10:30".
  let fromChrono: RequestedTime[] = [];
  let bestCoverage = 0;
  for (const locale of guessDateLocales(text, languageHint)) {
    const times = PARSERS[locale]
      .parse(text, reference, { forwardDate: true })
      // A bare number ("15") or a lone short word ("mon", "Mi", "ter", "Fr": "my", "me", "to have", a domain) is not a time.
      .filter((result) => !/^[\s,.;:]*(?:\d{1,2}|\p{L}{1,3})[\s,.;:]*$/u.test(result.text))
      .map((result) => toRequestedTime(result, text, said, zone))
      .filter((time): time is RequestedTime => time !== null && !handled.some((phrase) => overlaps(phrase, time)))
      .filter((time) => !saidOfThePast(text, time));
    const coverage = times.reduce((sum, time) => sum + (time.end - time.start), 0);
    if (coverage > bestCoverage) {
      fromChrono = times;
      bestCoverage = coverage;
    }
  }
  const all = mergeDayAndTime(
    [...handled, ...fromChrono].sort((a, b) => a.start - b.start),
    text,
  ).map((time) => ({ ...time, quote: original.slice(time.start, time.end) }));
  return all.filter((time) => (time.timeGiven ? time.local > said : time.local >= said.startOf("day")));
}
