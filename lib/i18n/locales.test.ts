import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locales";

describe("the browser's language when the person has not chosen", () => {
  it("takes the first language we have, by quality", () => {
    expect(localeFromAcceptLanguage("pt-BR,pt;q=0.9,en;q=0.8")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("pt-PT")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("es-MX,es;q=0.9")).toBe("es");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,es;q=0.5,en;q=0.4")).toBe("es");
    expect(localeFromAcceptLanguage("en;q=0.3,pt;q=0.7")).toBe("pt-BR");
  });

  it("falls back to English", () => {
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,fr;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("pt;q=0, de")).toBe("en");
  });
});
