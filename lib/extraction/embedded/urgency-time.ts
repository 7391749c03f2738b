// Reads when the prospect needs something from the words they use for time:
// "in 10 days", "2 hafte mein", "am Samstag", "the 14th", "Mitte November",
// "next spring", read against the date the message was sent.

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, un: 1, una: 1, uno: 1, um: 1, uma: 1, ein: 1, eine: 1, einen: 1, einem: 1, une: 1, ek: 1,
  two: 2, dos: 2, dois: 2, duas: 2, zwei: 2, deux: 2, do: 2, couple: 2,
  three: 3, tres: 3, drei: 3, trois: 3, teen: 3,
  four: 4, cuatro: 4, quatro: 4, vier: 4, quatre: 4, char: 4,
  five: 5, cinco: 5, funf: 5, cinq: 5, paanch: 5,
  six: 6, seis: 6, sechs: 6,
  few: 5, some: 5, unos: 3, unas: 3, uns: 3, umas: 3, quelques: 3, paar: 3, kuch: 3,
};

const UNITS: Array<{ pattern: RegExp; days: number }> = [
  { pattern: /^(?:hours?|hrs?|horas?|stunden?|heures?|ghante)$/, days: 1 / 24 },
  { pattern: /^(?:days?|dias?|tagen?|jours?|din)$/, days: 1 },
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

// Compiled once: one pattern per weekday and per month name.
const WEEKDAY_PATTERNS = WEEKDAYS.map((names) => names.map((name) => ({ named: new RegExp(`\\b${name}s?\\b`), past: new RegExp(`\\b${name}s?\\s+(?:passad[oa]|pasado|last|dernier|letzten)`) })));
const MONTH_NAMES = MONTHS.flat().filter((name) => name !== "may").map((name) => new RegExp(`\\b${name}\\b`));
const MONTH_PATTERNS = MONTHS.map((names) =>
  names.map((name) => ({
    name,
    pattern: new RegExp(`(?:\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:de\\s+|of\\s+)?)?\\b${name}\\b(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\d))?(?:\\s*,?\\s*(?:de\\s+)?(\\d{4}))?`),
  })),
);

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

/** Days from the message date to each time the folded text points at. */
export function daysAhead(folded: string, sent: Date): TimeReference[] {
  const found: TimeReference[] = [];
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);

  // "in 10 days", "2 hafte mein", "deux mois"; not "3 days ago" or "an 8 week old lab".
  words.forEach((word, index) => {
    const count = /^\d{1,3}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    const unit = UNITS.find(({ pattern }) => pattern.test(words[index + 1] ?? ""));
    if (count === undefined || !unit) return;
    const before = words.slice(Math.max(0, index - 2), index).join(" ");
    const after = words.slice(index + 2, index + 4).join(" ");
    if (/\b(?:ago|atras|old|alt|de idade|vor|pehle|since|desde|hace|ha|il y a|for the last)\b/.test(`${before} ${after}`)) return;
    if (/^(?:old|ago)/.test(after)) return;
    found.push({ days: count * unit.days, kind: "span" });
  });

  const today = sent.getUTCDay();
  const namesMonth = MONTH_NAMES.some((pattern) => pattern.test(folded));
  const explicitDay = namesMonth ? null : folded.match(/\b(?:the|on the|el|dia|am|le|on)\s+(\d{1,2})(?:st|nd|rd|th|º)?\b(?!\s*(?:people|personas|pessoas|personen|personnes|log|guests|adults|kids|\d|:|h\b|am\b|pm\b|uhr))/);
  if (explicitDay) {
    const day = Number(explicitDay[1]);
    if (day >= 1 && day <= 31) {
      const target = new Date(sent);
      if (day < sent.getUTCDate()) target.setUTCMonth(target.getUTCMonth() + 1);
      target.setUTCDate(day);
      found.push({ days: Math.round((target.getTime() - sent.getTime()) / 86_400_000), kind: "day" });
    }
  } else if (!namesMonth) {
    // A weekday beside a month name ("the long weekend in October") is not the coming one.
    WEEKDAY_PATTERNS.forEach((names, weekday) => {
      if (names.some(({ named, past }) => named.test(folded) && !past.test(folded))) {
        // "On Tuesday" written on a Tuesday is next week's (today would be "today").
        found.push({ days: (weekday - today + 7) % 7 || 7, kind: "day" });
      }
    });
    if (WEEKEND.test(folded)) found.push({ days: (6 - today + 7) % 7, kind: "day" });
  }

  MONTH_PATTERNS.forEach((names, month) => {
    for (const { name, pattern } of names) {
      const match = folded.match(pattern);
      if (!match) continue;
      const day = match[1] ?? match[2];
      // "may" is also a verb: only with a day or a year beside it.
      if (name === "may" && !day && !match[3] && !/\b(?:in|for|until|by|before|early|late|mid|end of)\s+may\b/.test(folded)) continue;
      const thisYear = sent.getUTCFullYear();
      let year = match[3] ? Number(match[3]) : thisYear;
      if (!match[3] && (month < sent.getUTCMonth() || (month === sent.getUTCMonth() && day && Number(day) < sent.getUTCDate()))) year++;
      if (day) {
        const target = Date.UTC(year, month, Number(day));
        found.push({ days: Math.round((target - sent.getTime()) / 86_400_000), kind: "day" });
      } else if (year === thisYear && month === sent.getUTCMonth()) {
        found.push({ days: 14, kind: "month" });
      } else {
        // Somewhere in that month: no sooner than its first day, and never "urgent".
        const firstDay = Math.round((Date.UTC(year, month, 1) - sent.getTime()) / 86_400_000);
        found.push({ days: Math.max(7, firstDay), kind: "month" });
      }
      return;
    }
  });
  return found;
}
