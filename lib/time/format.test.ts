import { describe, expect, it } from "vitest";
import { formatClock, formatInZone, formatShort, formatUtc, overdueLabel, overdueParts, relativeParts, relativeTime } from "./format";

const now = new Date("2026-03-10T12:00:00Z");

describe("times as people read them", () => {
  it("shows an instant in a zone, with daylight saving", () => {
    expect(formatInZone("2026-03-10T19:00:00.000Z", "America/New_York")).toBe("Tue 10 Mar 2026, 15:00 EDT");
    expect(formatInZone("2026-03-03T20:00:00.000Z", "America/New_York")).toBe("Tue 3 Mar 2026, 15:00 EST");
    expect(formatShort("2026-03-10T19:00:00.000Z", "Europe/Lisbon", now)).toBe("Tue 10 Mar, 19:00");
    expect(formatShort("2027-01-04T09:00:00.000Z", "Europe/Lisbon", now)).toBe("Mon 4 Jan 2027, 09:00");
    expect(formatClock("2026-03-10T19:00:00.000Z", "America/Sao_Paulo")).toBe("16:00 GMT-3");
    expect(formatUtc("2026-03-10T19:00:00.000Z")).toBe("2026-03-10 19:00 UTC");
  });

  it("says how far away an instant is", () => {
    expect(relativeTime("2026-03-10T15:10:00Z", now)).toBe("in 3 h");
    expect(relativeTime("2026-03-10T12:45:00Z", now)).toBe("in 45 min");
    expect(relativeTime("2026-03-13T12:00:00Z", now)).toBe("in 3 d");
    expect(relativeTime("2026-03-09T10:00:00Z", now)).toBe("26 h ago");
    expect(relativeTime("2026-03-10T12:00:30Z", now)).toBe("now");
  });

  it("marks what is past due as overdue, and nothing else", () => {
    expect(overdueLabel("2026-03-04T11:00:00Z", now)).toBe("overdue 6 d");
    expect(overdueLabel("2026-03-10T11:30:00Z", now)).toBe("overdue 30 min");
    expect(overdueLabel("2026-03-10T12:30:00Z", now)).toBeNull();
  });
});

describe("times in the reader's language", () => {
  it("writes dates in the locale asked for, English by default", () => {
    expect(formatShort("2026-03-10T19:00:00.000Z", "Europe/Lisbon", now, "pt-BR")).toMatch(/^ter\.? 10 mar\.?, 19:00$/);
    expect(formatShort("2026-03-10T19:00:00.000Z", "Europe/Lisbon", now, "es")).toMatch(/^mar\.? 10 mar\.?, 19:00$/);
    expect(formatInZone("2026-03-10T19:00:00.000Z", "America/New_York", "pt-BR")).toContain("2026, 15:00");
  });

  it("gives relative times as parts a catalog can word", () => {
    expect(relativeParts("2026-03-10T15:10:00Z", now)).toEqual({ when: "future", count: 3, unit: "hour" });
    expect(relativeParts("2026-03-09T10:00:00Z", now)).toEqual({ when: "past", count: 26, unit: "hour" });
    expect(relativeParts("2026-03-10T12:00:30Z", now)).toEqual({ when: "now" });
    expect(overdueParts("2026-03-04T11:00:00Z", now)).toEqual({ count: 6, unit: "day" });
    expect(overdueParts("2026-03-10T12:30:00Z", now)).toBeNull();
  });
});
