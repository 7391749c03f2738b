import { describe, expect, it } from "vitest";
import { latencies, percentile, round } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.95)).toBe(95);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile(values, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
  });

  it("is NaN for no values", () => {
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe("latencies", () => {
  it("summarizes rounded to a tenth", () => {
    expect(latencies([1.04, 2.26, 3.01, 10.55])).toEqual({ count: 4, p50: 2.3, p95: 10.6, p99: 10.6, max: 10.6 });
    expect(round(1234.5678, 0)).toBe(1235);
  });
});
