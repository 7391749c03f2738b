// Reads when the prospect needs something from the words they use for time:
// "in 10 days", "a couple of days", "2 hafte mein", "am Samstag", "the 14th",
// "dia 17", "5 tareekh", "13/03", "Mitte November", "end of the month",
// "fin avril", "next week, maybe Tuesday", read against the date the message
// was sent. A weekday said with "next week" (or as "next Tuesday") is next
// week's: nobody calls the day after tomorrow "next Tuesday".
import { matchesOf } from "../text";

// Maps, not object literals: a prospect's word is a key here, and "constructor" must not find Object's own.
const NUMBER_WORDS = new Map<string, number>(Object.entries({
  a: 1, an: 1, one: 1, un: 1, una: 1, uno: 1, um: 1, uma: 1, ein: 1, eine: 1, einen: 1, einem: 1, une: 1, ek: 1,
  two: 2, dos: 2, dois: 2, duas: 2, zwei: 2, deux: 2, do: 2, couple: 2, par: 2,
  three: 3, tres: 3, drei: 3, trois: 3, teen: 3,
  four: 4, cuatro: 4, quatro: 4, vier: 4, quatre: 4, char: 4,
  five: 5, cinco: 5, funf: 5, cinq: 5, paanch: 5,
  six: 6, seis: 6, sechs: 6,
  ten: 10, diez: 10, dez: 10, zehn: 10, dix: 10, das: 10,
  fifteen: 15, quince: 15, quinze: 15, funfzehn: 15,
  few: 5, some: 5, unos: 3, unas: 3, uns: 3, umas: 3, alguns: 3, algunas: 3, algunos: 3, quelques: 3, paar: 3, kuch: 3,
}));
/** Hindi numbers that are other words elsewhere ("do" is Portuguese "of the", "par" French "per"): they count only before a Hindi unit or "de". */
const ONLY_BEFORE = new Map<string, RegExp>([
  ["do", /^(?:din|hafte|hafton|mahine|ghante|saal)$/],
  ["das", /^(?:din|hafte|hafton|mahine|ghante|saal)$/],
  ["teen", /^(?:din|hafte|hafton|mahine|ghante|saal)$/],
  ["char", /^(?:din|hafte|hafton|mahine|ghante|saal)$/],
  ["par", /^de$/],
]);
/** Words that may stand between a count and its unit: "a couple of days", "un par de días", "ein paar Tage". */
const BETWEEN = new Set(["of", "de", "next", "proximos", "proximas", "prochains", "nachsten", "more", "mais", "mas"]);

const UNITS: Array<{ pattern: RegExp; days: number }> = [
  { pattern: /^(?:hours?|hrs?|horas?|stunden?|heures?|ghante)$/, days: 1 / 24 },
  { pattern: /^(?:days?|dias?|tagen?|tage|jours?|din)$/, days: 1 },
  { pattern: /^(?:weeks?|semanas?|wochen?|semaines?|hafte|hafta|hafton)$/, days: 7 },
  { pattern: /^(?:months?|mes|meses|monaten?|monate|mois|mahine|mahina)$/, days: 30 },
  { pattern: /^(?:years?|yrs?|anos?|jahren?|jahre|ans|annees|saal)$/, days: 365 },
];

const WEEKDAYS: string[][] = [
  ["sunday", "domingo", "sonntag", "dimanche", "ravivar"],
  ["monday", "lunes", "segunda", "montag", "lundi", "somvar"],
  ["tuesday", "martes", "terca", "dienstag", "mardi", "mangalvar"],
  ["wednesday", "miercoles", "quarta", "mittwoch", "mercredi", "budhvar"],
  ["thursday", "jueves", "quinta", "donnerstag", "jeudi", "guruvar"],
  ["friday", "viernes", "sexta", "freitag", "vendredi", "shukravar"],
  ["saturday", "sabado", "samstag", "samedi", "shanivar"],
];
const WEEKEND = /\b(?:weekend|finde|fin de semana|fim de semana|wochenende|week-end)\b/;
/** "next week", "la semana que viene", "la otra semana", "nächste Woche", "nöchschti Wuche", "agle hafte". */
export const NEXT_WEEK =
  /\b(?:next week|the week after|following week|semana que vem|proxima semana|semana que viene|la otra semana|proxima semana|nachste woche|nachsten woche|kommende woche|kommenden woche|n[ao]chschti? wuche|nachscht wuche|la semaine prochaine|semaine prochaine|la semaine d apres|agle hafte|agle hafta)\b/;
/** "next Tuesday", "terça que vem", "el martes que viene", "mardi prochain", "nächsten Dienstag", "agle Tuesday". */
const NEXT_WEEKDAY_WORDS = ["next", "proximo", "proxima", "nachsten", "nachster", "kommenden", "agle", "agla"];
const WEEKDAY_NEXT_WORDS = ["que vem", "que viene", "prochain", "prochaine", "d apres"];

const MONTHS: string[][] = [
  ["january", "enero", "janeiro", "januar", "janvier"],
  ["february", "febrero", "fevereiro", "februar", "fevrier"],
  ["march", "marzo", "marco", "marz", "mars"],
  ["april", "abril", "avril"],
  ["may", "mayo", "maio", "mai"],
  ["june", "junio", "junho", "juni", "juin"],
  ["july", "julio", "julho", "juli", "juillet"],
  ["august", "agosto", "aout"],
  ["september", "septiembre", "setembro", "septembre"],
  ["october", "octubre", "outubro", "oktober", "octobre"],
  ["november", "noviembre", "novembro", "novembre"],
  ["december", "diciembre", "dezembro", "dezember", "decembre"],
];

// Compiled once: one pattern per weekday and per month name. Each pattern needs its name as a
// whole word, so only the weekdays and months whose names are among the message's words are
// tried (looked up word by word): most messages name none, and running ~150 patterns on every
// message was most of extraction's time.
const WEEKDAY_PATTERNS = WEEKDAYS.map((names) =>
  names.map((name) => ({
    named: new RegExp(`\\b${name}s?\\b`),
    past: new RegExp(`\\b${name}s?\\s+(?:passad[oa]|pasado|last|dernier|letzten)|\\b(?:last|letzten|dernier)\\s+${name}`),
    next: new RegExp(`\\b(?:${NEXT_WEEKDAY_WORDS.join("|")})\\s+${name}s?\\b|\\b${name}s?\\s+(?:${WEEKDAY_NEXT_WORDS.join("|")})\\b|\\b${name}s?\\s+(?:de la|of the|da|der)\\s+(?:semana que viene|semana que vem|next week|proxima semana|nachsten woche|semaine prochaine)`),
  })),
);
/** The weekday each name (and its plural, "Saturdays") stands for. */
const WEEKDAY_OF = new Map(WEEKDAYS.flatMap((names, weekday) => names.flatMap((name) => [[name, weekday] as const, [`${name}s`, weekday] as const])));
/** Each month name's pattern, by name ("may" is a verb too: it never makes a message name a month). */
const MONTH_NAMES = new Map(
  MONTHS.flat()
    .filter((name) => name !== "may")
    .map((name) => [name, new RegExp(`\\b${name}\\b`)]),
);
/** The month each name stands for. */
const MONTH_OF = new Map(MONTHS.flatMap((names, month) => names.map((name) => [name, month] as const)));
const MONTH_PATTERNS = MONTHS.map((names) =>
  names.map((name) => ({
    name,
    pattern: new RegExp(`(?:\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:de\\s+|of\\s+)?)?\\b${name}\\b(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\d))?(?:\\s*,?\\s*(?:de\\s+)?(\\d{4}))?`),
    // "end of April", "fin avril", "finales de abril", "fim de abril", "Ende April", "late April".
    late: new RegExp(`\\b(?:end of|late|fin(?:ales)? (?:de )?|fim de|ende|a fines de|a finales de|a la fin d)\\s*${name}\\b`),
  })),
);
/** "end of the month", "fin de mes", "fim do mês", "fin du mois", "Ende des Monats", "Monatsende", "month end". */
const MONTH_END = /\b(?:end of (?:the |this )?month|month end|fin de mes|fin del mes|fim do mes|fim de mes|fin du mois|ende des monats|ende (?:dieses|des) monats|monatsende|mahine ke end)\b/;
/** A day of the month after a word that introduces one: "the 14th", "dia 17", "el 3", "am 5.", "le 13", "5 tareekh". */
const EXPLICIT_DAY =
  /\b(?:the|on the|el|dia|am|le|on|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miercoles|jueves|viernes|sabado|domingo|segunda|terca|quarta|quinta|sexta|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\s+(\d{1,2})(?:st|nd|rd|th|º)?\b(?!\s*(?:people|personas|pessoas|personen|personnes|log|guests|adults|kids|\d|:|h\b|am\b|pm\b|uhr|kg|km|m2|qm|mega|giga|gb|mb))|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:tareekh|tarikh|tarik|ko)\b/g;
/** A numeric date: "13/03", "13.03.", "3/20" (month first in the US). Not a time ("4.30pm") or a price. */
const NUMERIC_DATE = /(?<!\b(?:as|at|a las|um|vers|around)\s)\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?(?![\d/.]*\d)(?!\s*(?:am|pm|h\b|uhr|hrs?\b|%|€|eur|usd|kg|km))/g;

/** The local calendar date a message was written on (the offset in the timestamp is the sender's). */
export function localDate(at: string): Date {
  const match = at.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(at);
}

export interface TimeReference {
  days: number;
  /** "day": a weekday or a date ("Thursday", "the 14th"); "span": "in 2 weeks"; "month": "in November". */
  kind: "day" | "span" | "month";
}

const DAY_MS = 86_400_000;

function daysUntil(sent: Date, year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month, day) - sent.getTime()) / DAY_MS);
}

/** Days until a day of the month: this month's, or next month's when it has passed. */
function daysUntilDayOfMonth(sent: Date, day: number): number | null {
  if (day < 1 || day > 31) return null;
  const month = day < sent.getUTCDate() ? sent.getUTCMonth() + 1 : sent.getUTCMonth();
  return daysUntil(sent, sent.getUTCFullYear(), month, day);
}

/** Days from the message date to each time the folded text points at. `monthFirst` reads "3/20" as March 20th (US). */
export function daysAhead(folded: string, sent: Date, monthFirst = false): TimeReference[] {
  const found: TimeReference[] = [];
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  // The weekdays and months named, one bit each.
  let weekdaysNamed = 0;
  let monthsNamed = 0;
  for (const word of words) {
    const weekday = WEEKDAY_OF.get(word);
    if (weekday !== undefined) weekdaysNamed |= 1 << weekday;
    const month = MONTH_OF.get(word);
    if (month !== undefined) monthsNamed |= 1 << month;
  }

  // "in 10 days", "2 hafte mein", "deux mois", "a couple of days"; not "3 days ago" or "an 8 week old lab".
  words.forEach((word, index) => {
    const count = /^\d{1,3}$/.test(word) ? Number(word) : NUMBER_WORDS.get(word);
    const onlyBefore = ONLY_BEFORE.get(word);
    if (count === undefined || (onlyBefore && !onlyBefore.test(words[index + 1] ?? ""))) return;
    let unitAt = index + 1;
    while (unitAt < index + 3 && BETWEEN.has(words[unitAt] ?? "")) unitAt++;
    const unit = UNITS.find(({ pattern }) => pattern.test(words[unitAt] ?? ""));
    if (!unit) return;
    const before = words.slice(Math.max(0, index - 2), index).join(" ");
    const after = words.slice(unitAt + 1, unitAt + 3).join(" ");
    if (/\b(?:ago|atras|old|alt|de idade|vor|pehle|since|desde|hace|ha|il y a|for the last)\b/.test(`${before} ${after}`)) return;
    if (/^(?:old|ago)/.test(after)) return;
    found.push({ days: count * unit.days, kind: "span" });
  });

  const today = sent.getUTCDay();
  const namesMonth = monthsNamed !== 0 && words.some((word) => MONTH_NAMES.get(word)?.test(folded) === true);
  const nextWeek = NEXT_WEEK.test(folded);
  let explicit = false;
  if (!namesMonth) {
    // Both need a digit.
    const digits = /\d/.test(folded);
    for (const match of digits ? matchesOf(EXPLICIT_DAY, folded) : []) {
      const days = daysUntilDayOfMonth(sent, Number(match[1] ?? match[2]));
      if (days !== null) {
        found.push({ days, kind: "day" });
        explicit = true;
      }
    }
    for (const match of digits ? matchesOf(NUMERIC_DATE, folded) : []) {
      const [first, second] = [Number(match[1]), Number(match[2])];
      const [day, month] = monthFirst ? [second, first] : [first, second];
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      const year = match[3] ? Number(match[3].length === 2 ? `20${match[3]}` : match[3]) : sent.getUTCFullYear() + (month - 1 < sent.getUTCMonth() ? 1 : 0);
      const days = daysUntil(sent, year, month - 1, day);
      if (days >= 0 && days <= 366) {
        found.push({ days, kind: "day" });
        explicit = true;
      }
    }
  }
  if (!explicit && !namesMonth) {
    // A weekday beside a month name ("the long weekend in October") is not the coming one.
    WEEKDAY_PATTERNS.forEach((names, weekday) => {
      if ((weekdaysNamed & (1 << weekday)) === 0) return;
      const named = names.filter(({ named, past }) => named.test(folded) && !past.test(folded));
      if (named.length === 0) return;
      // "On Tuesday" written on a Tuesday is next week's (today would be "today").
      let days = (weekday - today + 7) % 7 || 7;
      // "next week, maybe Tuesday", "next Tuesday": next week's, never the next few days.
      const inNextWeek = nextWeek || names.some(({ next }) => next.test(folded));
      if (inNextWeek && (days <= 3 || today + days < 8)) days += 7;
      found.push({ days, kind: "day" });
    });
    if (WEEKEND.test(folded)) found.push({ days: (6 - today + 7) % 7 + (nextWeek ? 7 : 0), kind: "day" });
  }
  if (MONTH_END.test(folded)) {
    const lastDay = new Date(Date.UTC(sent.getUTCFullYear(), sent.getUTCMonth() + 1, 0)).getUTCDate();
    found.push({ days: lastDay - sent.getUTCDate(), kind: "day" });
  }

  MONTH_PATTERNS.forEach((names, month) => {
    if ((monthsNamed & (1 << month)) === 0) return;
    for (const { name, pattern, late } of names) {
      const match = folded.match(pattern);
      if (!match) continue;
      const day = match[1] ?? match[2];
      // "may" is also a verb: only with a day or a year beside it.
      if (name === "may" && !day && !match[3] && !/\b(?:in|for|until|by|before|early|late|mid|end of)\s+may\b/.test(folded)) continue;
      const thisYear = sent.getUTCFullYear();
      let year = match[3] ? Number(match[3]) : thisYear;
      if (!match[3] && (month < sent.getUTCMonth() || (month === sent.getUTCMonth() && day && Number(day) < sent.getUTCDate()))) year++;
      if (day) {
        found.push({ days: daysUntil(sent, year, month, Number(day)), kind: "day" });
      } else if (late.test(folded)) {
        // "fin avril": the last days of that month.
        found.push({ days: Math.max(0, daysUntil(sent, year, month + 1, 0)), kind: "month" });
      } else if (year === thisYear && month === sent.getUTCMonth()) {
        found.push({ days: 14, kind: "month" });
      } else {
        // Somewhere in that month: no sooner than its first day, and never "urgent".
        found.push({ days: Math.max(7, daysUntil(sent, year, month, 1)), kind: "month" });
      }
      return;
    }
  });
  return found;
}
