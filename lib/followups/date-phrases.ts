// Time phrases chrono's locales miss or read wrongly, handled by hand:
// "next week" / "semana que vem" (-> Monday), "next month" (-> the 1st),
// "next year" / "ano que vem" (-> 2 January, after New Year's Day),
// "after the 15th" / "depois do dia 15" (-> the 16th; "a partir del 15" -> the 15th),
// and Hindi-English "kal subah 11 baje" (kal = tomorrow, parso = in two days).
import { type DateTime } from "luxon";
import { findAllCues, type FoldedText } from "@/lib/scoring/text-match";
import type { RequestedTime } from "./requested-time";

const phrase = (...alternatives: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "u");

const NEXT_WEEK = phrase(
  "next week", "la (?:proxima|siguiente) semana", "la semana (?:que viene|proxima)", "(?:na |a )?semana que vem",
  "(?:na |a )?proxima semana", "nachste woche", "nachster woche", "kommende woche", "(?:la )?semaine prochaine", "agle (?:hafte|week)",
);
const NEXT_MONTH = phrase(
  "next month", "el mes que viene", "el (?:proximo|siguiente) mes", "(?:no )?mes que vem", "(?:no )?proximo mes",
  "nachsten monat", "nachster monat", "(?:le )?mois prochain", "agle mahine",
);
const NEXT_YEAR = phrase(
  "next year", "el ano que viene", "el (?:proximo|siguiente) ano", "(?:no )?ano que vem", "(?:no )?proximo ano",
  "nachstes jahr", "nachsten jahr", "l['’]annee prochaine", "agle saal",
);
const AFTER_DAY = phrase(
  "after the (\\d{1,2})(?:st|nd|rd|th)?", "despues del (?:dia )?(\\d{1,2})", "depois do dia (\\d{1,2})",
  "nach dem (\\d{1,2})\\.?", "apres le (\\d{1,2})", "(\\d{1,2}) (?:tareekh|tarikh) ke baad",
);
const FROM_DAY = phrase(
  "from the (\\d{1,2})(?:st|nd|rd|th)? on(?:wards)?", "a partir del (?:dia )?(\\d{1,2})", "a partir do dia (\\d{1,2})",
  "ab dem (\\d{1,2})\\.?", "a partir du (\\d{1,2})",
);
const HINGLISH = phrase(
  "(aaj|kal|parso|parson)(?: (subah|dopahar|shaam|sham|raat))?(?: (\\d{1,2}) baje)?",
  "(subah|dopahar|shaam|sham|raat)? ?(\\d{1,2}) baje",
);

const HINGLISH_DAY_OFFSET: Record<string, number> = { aaj: 0, kal: 1, parso: 2, parson: 2 };
const HINGLISH_PART_OF_DAY: Record<string, number> = { subah: 10, dopahar: 14, shaam: 17, sham: 17, raat: 17 };

/** The next date with this day of the month, on or after `from` (skipping months too short for it). */
function nextDayOfMonth(from: DateTime, day: number): DateTime | null {
  if (day < 1 || day > 31) return null;
  let month = from.startOf("month");
  for (let i = 0; i < 13; i++) {
    const candidate = month.set({ day });
    if (candidate.isValid && candidate.month === month.month && candidate >= from.startOf("day")) return candidate;
    month = month.plus({ months: 1 });
  }
  return null;
}

/** 1..7 without am/pm is afternoon in a sales chat: nobody asks for a call at 3 a.m. */
export function afternoonIfAmbiguous(hour: number): number {
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

function hinglish(text: FoldedText, said: DateTime): RequestedTime[] {
  const found: RequestedTime[] = [];
  for (const match of findAllCues(text, HINGLISH)) {
    const [dayWord, partA, hourA, partB, hourB] = match.groups;
    const part = partA ?? partB;
    const hourText = hourA ?? hourB;
    const dayOffset = dayWord ? HINGLISH_DAY_OFFSET[dayWord] : undefined;
    let hour: number | null = null;
    if (hourText) {
      const said12 = Number(hourText);
      if (said12 > 23) continue;
      hour = part === "subah" ? said12 : part ? (said12 < 12 ? said12 + 12 : said12) : afternoonIfAmbiguous(said12);
    } else if (part) {
      hour = HINGLISH_PART_OF_DAY[part] ?? null;
    }
    let day = said.startOf("day").plus({ days: dayOffset ?? 0 });
    if (dayOffset === undefined && hour !== null && day.set({ hour }) <= said) day = day.plus({ days: 1 });
    const local = hour === null ? day : day.set({ hour });
    found.push({ quote: match.matched, start: match.start, end: match.end, local, timeGiven: hour !== null });
  }
  return found;
}

/** The phrases above found in one message said at `said` (local time in the prospect's zone). */
export function findHandledPhrases(text: FoldedText, said: DateTime): RequestedTime[] {
  const found: RequestedTime[] = [];
  const add = (cue: RegExp, resolve: (groups: (string | undefined)[]) => DateTime | null) => {
    for (const match of findAllCues(text, cue)) {
      const local = resolve(match.groups);
      if (local) found.push({ quote: match.matched, start: match.start, end: match.end, local, timeGiven: false });
    }
  };
  const today = said.startOf("day");
  const dayNumber = (groups: (string | undefined)[]) => Number(groups.find((group) => group !== undefined));
  add(NEXT_WEEK, () => today.startOf("week").plus({ weeks: 1 }));
  add(NEXT_MONTH, () => today.startOf("month").plus({ months: 1 }));
  add(NEXT_YEAR, () => today.startOf("year").plus({ years: 1, days: 1 }));
  add(AFTER_DAY, (groups) => nextDayOfMonth(today, dayNumber(groups))?.plus({ days: 1 }) ?? null);
  add(FROM_DAY, (groups) => nextDayOfMonth(today, dayNumber(groups)));
  found.push(...hinglish(text, said));
  return found;
}
