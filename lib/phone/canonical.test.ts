import { describe, expect, it } from "vitest";
import { canonicalPhone, phoneFromWaId, waIdForms } from "./canonical";

describe("canonicalPhone", () => {
  it("adds Brazil's mobile 9th digit to old 8-digit mobiles", () => {
    expect(canonicalPhone("+551187654321")).toBe("+5511987654321");
    expect(canonicalPhone("+5511987654321")).toBe("+5511987654321");
  });

  it("leaves Brazilian landlines alone (they start with 2-5)", () => {
    expect(canonicalPhone("+551133334444")).toBe("+551133334444");
  });

  it("drops Mexico's old mobile 1 after +52", () => {
    expect(canonicalPhone("+5215512345678")).toBe("+525512345678");
    expect(canonicalPhone("+525512345678")).toBe("+525512345678");
  });

  it("leaves other countries alone", () => {
    expect(canonicalPhone("+14155550199")).toBe("+14155550199");
    expect(canonicalPhone("+447700900123")).toBe("+447700900123");
  });

  it("reads wa_ids, which are digits without +", () => {
    expect(phoneFromWaId("551187654321")).toBe("+5511987654321");
    expect(phoneFromWaId("5215512345678")).toBe("+525512345678");
  });
});

describe("waIdForms", () => {
  it("lists today's wa_id and the old form a person may still write from", () => {
    expect(waIdForms("+5511987654321")).toEqual(["5511987654321", "551187654321"]);
    expect(waIdForms("+525512345678")).toEqual(["525512345678", "5215512345678"]);
    expect(waIdForms("+447700900123")).toEqual(["447700900123"]);
  });
});
