import { describe, expect, it } from "vitest";
import { funnelFromCounts } from "./stages";

describe("funnelFromCounts", () => {
  it("gives each stage its conversion and drop-off from the stage before", () => {
    const stages = funnelFromCounts([
      { key: "a", label: "A", count: 40 },
      { key: "b", label: "B", count: 10 },
      { key: "c", label: "C", count: 5 },
    ]);
    expect(stages.map((stage) => [stage.conversion, stage.dropOff])).toEqual([
      [null, null],
      [0.25, 30],
      [0.5, 5],
    ]);
  });

  it("reports zero conversion, not NaN, after an empty stage", () => {
    const stages = funnelFromCounts([
      { key: "a", label: "A", count: 0 },
      { key: "b", label: "B", count: 0 },
    ]);
    expect(stages[1]!.conversion).toBe(0);
  });
});
