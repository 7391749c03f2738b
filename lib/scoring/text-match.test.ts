import { describe, expect, it } from "vitest";
import { quoteAround, sentencesOf } from "./text-match";

const around = (text: string, word: string, limit?: number) => {
  const start = text.indexOf(word);
  return quoteAround(text, start, start + word.length, limit);
};

describe("quoteAround", () => {
  it("quotes the whole sentence around a match, with its closing mark", () => {
    expect(around("Oi! Me liga amanhã às 10. Obrigado", "amanhã")).toBe("Me liga amanhã às 10.");
  });

  it("never cuts at the dots inside an email, a domain or a number", () => {
    expect(around("Envoyez le devis sur mon mail luc@martin-immo.fr merci", "devis")).toBe("Envoyez le devis sur mon mail luc@martin-immo.fr merci");
    expect(around("Mi correo es luc@martin-immo.fr. Llámame el martes", "correo")).toBe("Mi correo es luc@martin-immo.fr.");
    expect(around("See www.solar-shop.co.uk for the 3.5 kW kit price", "price")).toBe("See www.solar-shop.co.uk for the 3.5 kW kit price");
    expect(around("Mon numéro : 06.98.76.54.32, rappelez-moi", "rappelez")).toBe("Mon numéro : 06.98.76.54.32, rappelez-moi");
  });

  it("cuts a long sentence at a space, never inside an email or a number, and says so", () => {
    const text = `${"word ".repeat(30)}write to luc@martin-immo.fr or call 0698765432 ${"more ".repeat(30)}`;
    const quote = around(text, "call", 60);
    expect(quote.startsWith("…") && quote.endsWith("…")).toBe(true);
    for (const piece of quote.replace(/…/g, "").split(/\s+/)) expect(text.split(/\s+/)).toContain(piece);
    expect(quote).toContain("call");
  });
});

describe("sentencesOf", () => {
  it("splits at sentence ends only", () => {
    expect(sentencesOf("Quanto custa? Meu email é ana@x.com.br. Valeu!!\nAté")).toEqual(["Quanto custa?", "Meu email é ana@x.com.br.", "Valeu!!", "Até"]);
  });
});
