import { describe, expect, it } from "vitest";
import { findRequestedTimes } from "./explicit-times";

const said = new Date("2026-11-24T13:00:00Z"); // Tuesday
const find = (text: string, zone = "America/New_York", hint?: string) =>
  findRequestedTimes(text, said, zone, hint).map((time) => ({ quote: time.quote, local: time.local.toISO(), timeGiven: time.timeGiven }));

describe("findRequestedTimes", () => {
  it("reads a weekday without a time as that day, time not given", () => {
    expect(find("ligue na segunda", "America/Sao_Paulo", "pt")).toEqual([
      { quote: "segunda", local: "2026-11-30T00:00:00.000-03:00", timeGiven: false },
    ]);
  });

  it("joins a day and a part of day chrono returns apart", () => {
    expect(find("amanhã de manhã", "America/Sao_Paulo", "pt")).toEqual([
      { quote: "amanhã de manhã", local: "2026-11-25T10:00:00.000-03:00", timeGiven: true },
    ]);
  });

  it("keeps a future time next to an unrelated 'last'", () => {
    expect(find("call me Monday, last time was great")[0]?.quote).toBe("Monday");
  });

  it("lets the language that understands most of the message win", () => {
    expect(find("jueves 10:30", "Europe/Madrid")).toEqual([
      { quote: "jueves 10:30", local: "2026-11-26T10:30:00.000+01:00", timeGiven: true },
    ]);
  });

  it("reads 'in 2 hours' as an instant", () => {
    expect(find("call me in 2 hours")).toEqual([{ quote: "in 2 hours", local: "2026-11-24T10:00:00.000-05:00", timeGiven: true }]);
  });

  it("reads 'ano que vem' as 2 January next year, and 'a partir del 15' as the 15th itself", () => {
    expect(find("só ano que vem", "America/Sao_Paulo")[0]?.local).toBe("2027-01-02T00:00:00.000-03:00");
    expect(find("a partir del 15", "Europe/Madrid")[0]?.local).toBe("2026-12-15T00:00:00.000+01:00");
  });

  it.each([
    "mon mail luc@martin-immo.fr",
    "Mi correo es ana.lunes@empresa.mx",
    "see www.sunday-solar.com/offers",
    "Mon numéro : 06 98 76 54 32",
    "my number is +1 (415) 555-0199",
    "solar-shop.de has it",
  ])("finds no time inside an email, address or number: %j", (text) => {
    expect(find(text, "Europe/Paris")).toEqual([]);
  });

  it("still reads a time next to an email, and a written date", () => {
    expect(find("email luc@martin-immo.fr, call me Friday at 3pm").map((time) => time.quote)).toEqual(["Friday at 3pm"]);
    expect(find("ligue dia 15.12.2026", "America/Sao_Paulo", "pt")[0]?.local).toBe("2026-12-15T00:00:00.000-03:00");
  });

  it.each(["o preço é 15 reais", "I have 2 kids", "Ok, I am free", "I called you yesterday", "We sold 3 units on Monday last week", "Te llamé el lunes pasado"])(
    "finds no time to follow up in %j",
    (text) => {
      expect(find(text, "America/Sao_Paulo")).toEqual([]);
    },
  );
});
