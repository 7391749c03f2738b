import { describe, expect, it } from "vitest";
import { funnelCsv } from "./csv";
import { reportFromAggregates } from "./report";

const report = reportFromAggregates({ from: "2026-03-01", to: "2026-03-31", groupBy: "product" }, "UTC", {
  buckets: [
    { group_key: "=HYPERLINK(\"x\")", group_label: "=HYPERLINK(\"x\")", outcome: "followed_up", corrected_fields: ["name"], conversations: 1 },
    { group_key: "=HYPERLINK(\"x\")", group_label: "=HYPERLINK(\"x\")", outcome: "followed_up", corrected_fields: [], conversations: 1 },
    { group_key: null, group_label: null, outcome: "no_name", corrected_fields: [], conversations: 1 },
  ],
  times: {
    proposed: { conversations: 2, percentiles: [60, 90] },
    approved: { conversations: 2, percentiles: [120, 150] },
    synced: { conversations: 2, percentiles: [180, 200] },
    followed_up: { conversations: 0, percentiles: null },
  },
});

describe("funnelCsv", () => {
  const lines = funnelCsv(report).trim().split("\r\n");

  it("writes one figure per row, groups after the whole", () => {
    expect(lines[0]).toBe("section,group,stage,measure,value");
    expect(lines).toContain("stage,,conversations,count,3");
    expect(lines).toContain("stage,,conversations,conversion,");
    expect(lines).toContain("stage,,proposed,conversion,0.6666666666666666");
    expect(lines).toContain("dropped,,proposed,no_name,1");
    expect(lines).toContain("time,,synced,p90_seconds,200");
    expect(lines).toContain("time,,followed_up,median_seconds,");
    expect(lines).toContain("extraction_accuracy,,,name,0.5");
    expect(lines).toContain("stage,No product,conversations,count,1");
  });

  it("keeps a group name from running as a spreadsheet formula", () => {
    expect(lines).toContain(`stage,"'=HYPERLINK(""x"")",followed_up,count,2`);
  });
});
