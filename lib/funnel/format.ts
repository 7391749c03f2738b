// Pure: how the Funnel page writes its figures (rates, durations, changes,
// periods), in one place so the chart, the tables and the tests agree. Numbers
// and days are in the reader's locale (English by default: the CSV's).

/** 0.6667 -> "66.7%" ("66,7%" in pt-BR); null (no rate) -> "—". */
export function percentText(rate: number | null, locale = "en"): string {
  if (rate === null) return "—";
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Number((rate * 100).toFixed(1)))}%`;
}

/** Seconds as the two largest units: "45 s", "12 min", "3 h 5 min", "2 d 4 h"; null -> "—". */
export function durationText(seconds: number | null): string {
  if (seconds === null) return "—";
  const units: [string, number][] = [["d", 86_400], ["h", 3_600], ["min", 60], ["s", 1]];
  let rest = Math.round(Math.max(0, seconds));
  const parts: string[] = [];
  for (const [name, size] of units) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length > 0) parts.push(`${amount} ${name}`);
    if (parts.length === 2) break;
  }
  const shown = parts.filter((part, index) => index === 0 || !part.startsWith("0 "));
  return shown.length ? shown.join(" ") : "0 s";
}

/** The change from the previous period: "+5 (+25%)", "-2 (-10%)", "0", "+3 (new)" (`newWord` in the reader's words). */
export function changeText(current: number, previous: number, locale = "en", newWord = "new"): string {
  const delta = current - previous;
  if (delta === 0) return "0";
  const sign = delta > 0 ? "+" : "−";
  const relative = previous === 0 ? newWord : `${sign}${percentText(Math.abs(delta / previous), locale)}`;
  return `${sign}${Math.abs(delta)} (${relative})`;
}

/** "2026-03-01".."2026-03-31" -> "1 Mar 2026 – 31 Mar 2026" (one day: just that day); English days are British-style. */
export function periodText(period: { from: string; to: string }, locale = "en"): string {
  const format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const day = (value: string) => format.format(new Date(`${value}T00:00:00Z`));
  return period.from === period.to ? day(period.from) : `${day(period.from)} – ${day(period.to)}`;
}
