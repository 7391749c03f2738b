import { describe, expect, it } from "vitest";
import { funnelQuerySchema, funnelSelection, periodBounds, periodDays, presetOf, presetPeriod, previousPeriod, todayIn } from "./period";

describe("periodBounds", () => {
  it("covers whole days in the workspace's time zone", () => {
    expect(periodBounds({ from: "2026-03-01", to: "2026-03-31" }, "America/Sao_Paulo")).toEqual({
      start: new Date("2026-03-01T03:00:00.000Z"),
      end: new Date("2026-04-01T03:00:00.000Z"),
    });
    expect(periodBounds({ from: "2026-03-01", to: "2026-03-01" }, "Asia/Kolkata")).toEqual({
      start: new Date("2026-02-28T18:30:00.000Z"),
      end: new Date("2026-03-01T18:30:00.000Z"),
    });
  });

  it("follows daylight saving time: a day can be 23 hours long", () => {
    // New York moved its clocks forward on 8 March 2026.
    const { start, end } = periodBounds({ from: "2026-03-08", to: "2026-03-08" }, "America/New_York");
    expect(start).toEqual(new Date("2026-03-08T05:00:00.000Z"));
    expect(end).toEqual(new Date("2026-03-09T04:00:00.000Z"));
  });
});

describe("periods", () => {
  it("compares with the previous period of equal length", () => {
    expect(periodDays({ from: "2026-03-01", to: "2026-03-31" })).toBe(31);
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(previousPeriod({ from: "2026-03-10", to: "2026-03-10" })).toEqual({ from: "2026-03-09", to: "2026-03-09" });
  });

  it("offers presets counted back from today, today included", () => {
    expect(presetPeriod("last_7_days", "2026-03-10")).toEqual({ from: "2026-03-04", to: "2026-03-10" });
    expect(presetPeriod("last_30_days", "2026-03-10")).toEqual({ from: "2026-02-09", to: "2026-03-10" });
    expect(presetPeriod("this_month", "2026-03-10")).toEqual({ from: "2026-03-01", to: "2026-03-10" });
    expect(presetPeriod("last_month", "2026-03-10")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetOf({ from: "2026-02-01", to: "2026-02-28" }, "2026-03-10")).toBe("last_month");
    expect(presetOf({ from: "2026-02-02", to: "2026-02-28" }, "2026-03-10")).toBeNull();
  });

  it("tells today's date in a time zone", () => {
    expect(todayIn("America/Sao_Paulo", new Date("2026-03-01T02:00:00Z"))).toBe("2026-02-28");
    expect(todayIn("UTC", new Date("2026-03-01T02:00:00Z"))).toBe("2026-03-01");
  });
});

describe("funnelQuerySchema", () => {
  it("names each bad parameter", () => {
    const parsed = funnelQuerySchema.safeParse({ from: "2026-02-30", groupBy: "team", format: "pdf" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["format", "from", "groupBy", "to"]);
    expect(funnelQuerySchema.safeParse({ from: "2026-03-02", to: "2026-03-01" }).error!.issues.map((issue) => issue.path.join("."))).toEqual(["to"]);
    expect(funnelQuerySchema.parse({ from: "2026-03-01", to: "2026-03-01", groupBy: "owner" })).toEqual({ from: "2026-03-01", to: "2026-03-01", groupBy: "owner", format: "json" });
  });
});

describe("funnelSelection", () => {
  const fallback = { from: "2026-03-01", to: "2026-03-30" };
  it("keeps each valid part of a page URL, and the default period for a bad one", () => {
    expect(funnelSelection({ from: "2026-01-01", to: "2026-01-31", groupBy: "owner" }, fallback)).toEqual({ from: "2026-01-01", to: "2026-01-31", groupBy: "owner" });
    expect(funnelSelection({ groupBy: "product" }, fallback)).toEqual({ ...fallback, groupBy: "product" });
    expect(funnelSelection({ from: "2026-01-31", to: "2026-01-01", groupBy: "team" }, fallback)).toEqual({ ...fallback, groupBy: undefined });
  });
});
