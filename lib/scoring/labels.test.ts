import { describe, expect, it } from "vitest";
import { InvalidBehavioralScoreError, labelBehavioralScores } from "./labels";
import { behavioralScorePayloadSchema, DEFAULT_INTENT_BANDS, intentBandsSchema } from "./schemas";

const bands = DEFAULT_INTENT_BANDS;
const label = (intentScore: number, objectionType = "timing", followUpTone = "urgency_alignment", b = bands) =>
  labelBehavioralScores({ intentScore, objectionType, followUpTone }, b);

describe("labelBehavioralScores", () => {
  it("writes the line and the three CRM fields a salesperson reads", () => {
    expect(label(0.73)).toEqual({
      summary: "High intent — timing objection — recommend urgency alignment",
      band: "High",
      intentText: "0.73",
      fields: {
        "Lead Score": "High (0.73)",
        "Primary Objection": "Timing: not ready to buy yet",
        "Recommended Approach": "Urgency alignment: tie the offer to the date that matters to them",
      },
      objectionKnown: true,
      toneKnown: true,
    });
  });

  it.each([
    [0, "Low (0.00)"],
    [0.3999, "Low (0.39)"],
    [0.4, "Medium (0.40)"],
    [0.6999, "Medium (0.69)"],
    [0.7, "High (0.70)"],
    [1, "High (1.00)"],
  ])("puts %s at the band edge as %s (number never rounded across a threshold)", (score, leadScore) => {
    expect(label(score).fields["Lead Score"]).toBe(leadScore);
  });

  it("uses the workspace's own bands", () => {
    const strict = { high: 0.85, medium: 0.5 };
    expect(label(0.8, "none", "nurture", strict).fields["Lead Score"]).toBe("Medium (0.80)");
    expect(label(0.85, "none", "nurture", strict).band).toBe("High");
    expect(label(0.4999, "none", "nurture", strict).band).toBe("Low");
  });

  it("shows as many decimals as finer-grained bands need", () => {
    const fine = { high: 0.725, medium: 0.4 };
    expect(label(0.7249, "none", "nurture", fine).fields["Lead Score"]).toBe("Medium (0.724)");
    expect(label(0.725, "none", "nurture", fine).fields["Lead Score"]).toBe("High (0.725)");
  });

  it("shows unknown objections and tones as unknown, never guessed", () => {
    const labels = label(0.2, "foo", "hard_sell");
    expect(labels.summary).toBe('Low intent — unknown objection ("foo") — recommend unknown approach ("hard_sell")');
    expect(labels.fields["Primary Objection"]).toBe('Unknown objection ("foo")');
    expect(labels.fields["Recommended Approach"]).toBe('Unknown approach ("hard_sell")');
    expect(labels.objectionKnown).toBe(false);
    expect(labels.toneKnown).toBe(false);
  });

  it("accepts known values written with other case or separators", () => {
    expect(label(0.5, " Price ", "Value-Proof").summary).toBe("Medium intent — price objection — recommend value proof");
  });

  it("reads 'none' as no objection", () => {
    expect(label(0.9, "none", "direct_close").summary).toBe("High intent — no objection — recommend direct close");
  });

  it.each([NaN, Infinity, -0.01, 1.0001, -Infinity])("rejects the invalid score %s with a clear error", (score) => {
    expect(() => label(score)).toThrow(InvalidBehavioralScoreError);
    expect(() => label(score)).toThrow(/intent score must be/);
  });

  it("rejects bands whose medium is not below high", () => {
    expect(() => label(0.5, "none", "nurture", { high: 0.4, medium: 0.7 })).toThrow(/invalid intent bands: medium/);
    expect(() => label(0.5, "none", "nurture", { high: 1.5, medium: 0.4 })).toThrow(/invalid intent bands: high/);
  });
});

describe("behavioralScorePayloadSchema", () => {
  it("accepts a pushed score, unknown vocabulary included", () => {
    const payload = { intent_score: 0.73, objection_type: "brand_new_kind", follow_up_tone: "nurture", version: 3 };
    expect(behavioralScorePayloadSchema.parse(payload)).toEqual(payload);
  });

  it.each([
    [{ intent_score: 1.2, objection_type: "price", follow_up_tone: "nurture", version: 1 }, "intent_score"],
    [{ intent_score: Number.NaN, objection_type: "price", follow_up_tone: "nurture", version: 1 }, "intent_score"],
    [{ intent_score: "0.5", objection_type: "price", follow_up_tone: "nurture", version: 1 }, "intent_score"],
    [{ intent_score: 0.5, objection_type: " ", follow_up_tone: "nurture", version: 1 }, "objection_type"],
    [{ intent_score: 0.5, objection_type: "price", follow_up_tone: "nurture", version: 1.5 }, "version"],
    [{ intent_score: 0.5, objection_type: "price", version: 1 }, "follow_up_tone"],
  ])("rejects %j at %s", (payload, path) => {
    const result = behavioralScorePayloadSchema.safeParse(payload);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});

describe("intentBandsSchema", () => {
  it("accepts the default bands and rejects inverted ones", () => {
    expect(intentBandsSchema.parse({ high: 0.7, medium: 0.4 })).toEqual({ high: 0.7, medium: 0.4 });
    expect(intentBandsSchema.safeParse({ high: 0.4, medium: 0.4 }).success).toBe(false);
    expect(intentBandsSchema.safeParse({ high: 0.7 }).success).toBe(false);
  });
});
