// What the funnel can be asked for, and the calendar behind it (pure,
// browser-safe): a period of whole days in the workspace's time zone, an
// optional breakdown, the answer's format; the instants a period covers, the
// previous period of equal length, and the page's preset periods.
import { DateTime } from "luxon";
import { z } from "zod";

export const FUNNEL_GROUPS = ["product", "urgency", "language", "source", "owner", "reviewer"] as const;
export type FunnelGroupBy = (typeof FUNNEL_GROUPS)[number];

const day = z.iso.date({ error: "must be a day as YYYY-MM-DD" });

export const funnelQuerySchema = z
  .object({
    /** The first day of the period (in the workspace's time zone). */
    from: day,
    /** The last day of the period, included. */
    to: day,
    groupBy: z.enum(FUNNEL_GROUPS, { error: `must be one of ${FUNNEL_GROUPS.join(", ")}` }).optional(),
    format: z.enum(["json", "csv"], { error: "must be json or csv" }).default("json"),
  })
  .refine((query) => query.from <= query.to, { message: "must be on or after `from`", path: ["to"] });

export type FunnelQuery = z.output<typeof funnelQuerySchema>;
export type FunnelPeriod = Pick<FunnelQuery, "from" | "to">;
export type FunnelSelection = FunnelPeriod & { groupBy?: FunnelGroupBy };

/**
 * What a page URL selects: its period when valid (else `fallback`) and its
 * breakdown when valid, each on its own, so a bookmarked `?groupBy=owner`
 * keeps the breakdown with the default period.
 */
export function funnelSelection(raw: Record<string, unknown>, fallback: FunnelPeriod): FunnelSelection {
  const period = funnelQuerySchema.safeParse({ from: raw.from, to: raw.to });
  const groupBy = z.enum(FUNNEL_GROUPS).safeParse(raw.groupBy);
  return { ...(period.success ? { from: period.data.from, to: period.data.to } : fallback), groupBy: groupBy.success ? groupBy.data : undefined };
}

/** The instants a period covers in a time zone: [start, end). */
export function periodBounds(period: FunnelPeriod, timezone: string): { start: Date; end: Date } {
  const first = DateTime.fromISO(period.from, { zone: timezone });
  const last = DateTime.fromISO(period.to, { zone: timezone });
  if (!first.isValid || !last.isValid) throw new Error(`Cannot read the period ${period.from}..${period.to} in time zone ${timezone}.`);
  return { start: first.startOf("day").toJSDate(), end: last.plus({ days: 1 }).startOf("day").toJSDate() };
}

const asDay = (value: string) => DateTime.fromISO(value, { zone: "utc" });
const dayText = (value: DateTime) => value.toISODate()!;

/** How many days a period spans (both ends included). */
export function periodDays(period: FunnelPeriod): number {
  return Math.round(asDay(period.to).diff(asDay(period.from), "days").days) + 1;
}

/** The period of equal length that ends the day before this one starts. */
export function previousPeriod(period: FunnelPeriod): FunnelPeriod {
  const to = asDay(period.from).minus({ days: 1 });
  return { from: dayText(to.minus({ days: periodDays(period) - 1 })), to: dayText(to) };
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timezone: string, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate()!;
}

export const PERIOD_PRESETS = ["last_7_days", "last_30_days", "last_90_days", "this_month", "last_month"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** A preset period, counted back from `today` (YYYY-MM-DD in the workspace's zone); today included. */
export function presetPeriod(preset: PeriodPreset, today: string): FunnelPeriod {
  const now = asDay(today);
  const lastDays = (days: number) => ({ from: dayText(now.minus({ days: days - 1 })), to: today });
  switch (preset) {
    case "last_7_days":
      return lastDays(7);
    case "last_30_days":
      return lastDays(30);
    case "last_90_days":
      return lastDays(90);
    case "this_month":
      return { from: dayText(now.startOf("month")), to: today };
    case "last_month": {
      const month = now.minus({ months: 1 });
      return { from: dayText(month.startOf("month")), to: dayText(month.endOf("month")) };
    }
  }
}

/** The preset a period is, if any (the picker shows it selected). */
export function presetOf(period: FunnelPeriod, today: string): PeriodPreset | null {
  return PERIOD_PRESETS.find((preset) => {
    const candidate = presetPeriod(preset, today);
    return candidate.from === period.from && candidate.to === period.to;
  }) ?? null;
}

/** The API's query string for a funnel request. */
export function funnelSearchParams(query: FunnelPeriod & { groupBy?: FunnelGroupBy; format?: "json" | "csv" }): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.groupBy) params.set("groupBy", query.groupBy);
  if (query.format && query.format !== "json") params.set("format", query.format);
  return params;
}
