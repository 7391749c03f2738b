import { describe, expect, it } from "vitest";
import { formatInZone, formatUtc, fromLocalInputValue, sectionOf, toLocalInputValue } from "./display";

describe("follow-up times on the page", () => {
  it("shows the due instant in the prospect's zone (with daylight saving) and in UTC", () => {
    expect(formatInZone("2026-03-10T19:00:00.000Z", "America/New_York")).toBe("Tue 10 Mar 2026, 15:00 EDT");
    expect(formatInZone("2026-03-03T20:00:00.000Z", "America/New_York")).toBe("Tue 3 Mar 2026, 15:00 EST");
    expect(formatUtc("2026-03-10T19:00:00.000Z")).toBe("2026-03-10 19:00 UTC");
  });

  it("reads a datetime-local value as the prospect's wall time", () => {
    expect(fromLocalInputValue("2026-03-10T15:00", "America/New_York")).toBe("2026-03-10T19:00:00.000Z");
    expect(toLocalInputValue("2026-03-10T19:00:00.000Z", "America/New_York")).toBe("2026-03-10T15:00");
    expect(fromLocalInputValue("not a date", "America/New_York")).toBeNull();
  });

  it("sorts follow-ups into the page's sections", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    expect(sectionOf({ status: "scheduled", dueAt: "2026-03-10T19:00:00Z" }, now)).toBe("upcoming");
    expect(sectionOf({ status: "scheduled", dueAt: "2026-03-10T11:00:00Z" }, now)).toBe("due");
    expect(sectionOf({ status: "failed", dueAt: "2026-03-10T11:00:00Z" }, now)).toBe("failed");
    expect(sectionOf({ status: "done", dueAt: "2026-03-10T11:00:00Z" }, now)).toBe("done");
    expect(sectionOf({ status: "cancelled", dueAt: "2026-03-10T19:00:00Z" }, now)).toBe("cancelled");
    expect(sectionOf({ status: "proposed", dueAt: "2026-03-10T19:00:00Z" }, now)).toBe("proposed");
  });
});
