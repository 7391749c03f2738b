import { describe, expect, it } from "vitest";
import { fromLocalInputValue, isOverdue, sectionOf, toLocalInputValue } from "./display";

describe("follow-up times on the page", () => {
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

  it("marks open follow-ups past their time as overdue, six days or a proposal alike", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    expect(isOverdue({ status: "scheduled", dueAt: "2026-03-04T12:00:00Z" }, now)).toBe(true);
    expect(isOverdue({ status: "proposed", dueAt: "2026-03-09T12:00:00Z" }, now)).toBe(true);
    expect(isOverdue({ status: "done", dueAt: "2026-03-04T12:00:00Z" }, now)).toBe(false);
    expect(isOverdue({ status: "scheduled", dueAt: "2026-03-10T13:00:00Z" }, now)).toBe(false);
  });
});
