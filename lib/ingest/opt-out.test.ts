import { describe, expect, it } from "vitest";
import { isOptOutMessage, normalizeForOptOut } from "./opt-out";

describe("isOptOutMessage", () => {
  it.each([
    ["STOP", "English"],
    ["stop.", "English with punctuation"],
    ["  Unsubscribe!! ", "English, padded"],
    ["PARAR", "Portuguese"],
    ["Sair", "Portuguese"],
    ["cancelar", "Portuguese / Spanish"],
    ["Não quero mais", "Portuguese phrase with accents"],
    ["BAJA", "Spanish"],
    ["alto", "Spanish"],
    ["STOPP", "German"],
    ["Abmelden", "German"],
    ["ARRÊTER", "French with accent"],
    ["arreter", "French without accent"],
    ["Désabonner", "French"],
    ["band karo", "Hindi-English"],
    ["Band   Karo 🙏", "Hindi-English with emoji and spaces"],
  ])("recognizes %j (%s)", (text) => {
    expect(isOptOutMessage(text)).toBe(true);
  });

  it.each([
    "Please don't stop sending me offers",
    "stop by the shop tomorrow?",
    "Can I cancel my appointment and book another?",
    "Quero sair às 18h",
    "baja la tarifa?",
    "",
    "👍",
  ])("does not treat %j as an opt-out", (text) => {
    expect(isOptOutMessage(text)).toBe(false);
  });
});

describe("normalizeForOptOut", () => {
  it("removes case, accents and punctuation", () => {
    expect(normalizeForOptOut("  DÉSABONNER!  ")).toBe("desabonner");
    expect(normalizeForOptOut("Não   quero-mais")).toBe("nao quero mais");
  });
});
