import { describe, expect, it } from "vitest";
import { changeText, durationText, percentText, periodText } from "./format";

describe("the Funnel page's figures", () => {
  it("writes rates as percentages, and no rate as a dash", () => {
    expect(percentText(2 / 3)).toBe("66.7%");
    expect(percentText(0.75)).toBe("75%");
    expect(percentText(0)).toBe("0%");
    expect(percentText(null)).toBe("—");
  });

  it("writes durations in their two largest units", () => {
    expect(durationText(45)).toBe("45 s");
    expect(durationText(65 * 60)).toBe("1 h 5 min");
    expect(durationText(3 * 3600)).toBe("3 h");
    expect(durationText(2 * 86_400 + 4 * 3600 + 59)).toBe("2 d 4 h");
    expect(durationText(0)).toBe("0 s");
    expect(durationText(null)).toBe("—");
  });

  it("writes the change from the previous period", () => {
    expect(changeText(25, 20)).toBe("+5 (+25%)");
    expect(changeText(18, 20)).toBe("−2 (−10%)");
    expect(changeText(3, 0)).toBe("+3 (new)");
    expect(changeText(4, 4)).toBe("0");
  });

  it("writes a period as its days", () => {
    expect(periodText({ from: "2026-03-01", to: "2026-03-31" })).toBe("1 Mar 2026 – 31 Mar 2026");
    expect(periodText({ from: "2026-03-01", to: "2026-03-01" })).toBe("1 Mar 2026");
  });

  it("writes rates and days in the reader's locale", () => {
    expect(percentText(2 / 3, "pt-BR")).toBe("66,7%");
    expect(changeText(3, 0, "es", "nuevo")).toBe("+3 (nuevo)");
    expect(changeText(18, 20, "pt-BR")).toBe("−2 (−10%)");
    expect(periodText({ from: "2026-03-01", to: "2026-03-01" }, "pt-BR")).toMatch(/^1 de mar\.? de 2026$/);
  });
});
