import { describe, expect, it } from "vitest";
import { reportFromAggregates, type Aggregates } from "./report";

const NO_TIMES: Aggregates["times"] = {
  proposed: { conversations: 0, percentiles: null },
  approved: { conversations: 0, percentiles: null },
  synced: { conversations: 0, percentiles: null },
  followed_up: { conversations: 0, percentiles: null },
};

describe("reportFromAggregates", () => {
  it("counts reviewers' corrections on approved and merged leads only, per field, across groups", () => {
    const report = reportFromAggregates({ from: "2026-03-01", to: "2026-03-31", groupBy: "reviewer" }, "UTC", {
      buckets: [
        { group_key: "ana", group_label: "ana", outcome: "followed_up", corrected_fields: ["email", "name"], conversations: 2 },
        { group_key: "bia", group_label: "bia", outcome: "syncing", corrected_fields: ["name"], conversations: 1 },
        { group_key: "bia", group_label: "bia", outcome: "sync_failed", corrected_fields: [], conversations: 5 },
        // Not approved: a correction recorded before a rejection does not count.
        { group_key: "bia", group_label: "bia", outcome: "rejected_spam", corrected_fields: ["name"], conversations: 3 },
        // A field the report does not measure is left out.
        { group_key: null, group_label: null, outcome: "no_follow_up_planned", corrected_fields: ["nickname"], conversations: 2 },
      ],
      times: NO_TIMES,
    });
    expect(report.accuracyBasis.approvedLeads).toBe(10);
    expect(report.accuracyBasis.corrections).toMatchObject({ name: 3, email: 2, phone: 0 });
    expect(report.extractionAccuracy).toMatchObject({ name: 0.7, email: 0.8, phone: 1 });
    // The buckets of one group add up, whatever was corrected.
    expect(report.groups.map((group) => [group.key, group.stages[0]!.count])).toEqual([
      ["bia", 9],
      ["ana", 2],
      [null, 2],
    ]);
  });
});
