// Held-out conversations (not fixtures) for the contact details: emails and phones.
import { describe, expect, it } from "vitest";
import { conversation } from "./conversation-builder.fixture";
import { extractWithRules } from "./embedded-provider";

describe("embedded provider: emails", () => {
  it("reads an English spoken email", () => {
    const result = extractWithRules(conversation({ messages: [["a", "What's your email?"], ["u", "it's ana dot silva at gmail dot com"]] }));
    expect(result.lead.email).toBe("ana.silva@gmail.com");
    expect(result.evidence.email).toEqual({ messageId: "m2", quote: "ana dot silva at gmail dot com" });
  });

  it("reads Spanish 'arroba' and 'punto'", () => {
    const result = extractWithRules(conversation({ country: "MX", messages: [["a", "¿Tu correo?"], ["u", "claro: luis punto garza arroba empresa punto com punto mx"]] }));
    expect(result.lead.email).toBe("luis.garza@empresa.com.mx");
  });

  it("reads bracketed obfuscation", () => {
    const result = extractWithRules(conversation({ messages: [["u", "mail me at kofi(at)outlook(dot)com please"]] }));
    expect(result.lead.email).toBe("kofi@outlook.com");
  });

  it("reads an address typed with spaces, and one spelled out mid-sentence", () => {
    expect(extractWithRules(conversation({ messages: [["u", "ana @ gmail . com"]] })).lead.email).toBe("ana@gmail.com");
    const german = extractWithRules(conversation({ country: "DE", messages: [["u", "Schreiben Sie an jan punkt ott at gmx punkt de. Danke!"]] }));
    expect(german.lead.email).toBe("jan.ott@gmx.de");
  });

  it("does not read times or sentences as addresses", () => {
    expect(extractWithRules(conversation({ messages: [["u", "I'll be at home at 5.30. Come by"]] })).lead.email).toBeNull();
  });

  it("keeps the prospect's correction, not the first address", () => {
    const result = extractWithRules(
      conversation({ messages: [["a", "Your email?"], ["u", "ana@gmail.com"], ["a", "Thanks!"], ["u", "sorry, it's anna@gmail.com with two n"]] }),
    );
    expect(result.lead.email).toBe("anna@gmail.com");
    expect(result.evidence.email?.messageId).toBe("m4");
    expect(result.flags.map((flag) => flag.code)).toContain("value_corrected");
    // The values the flag's sentence is built from, for the dashboard to word it in the reader's language.
    expect(result.flags.find((flag) => flag.code === "value_corrected")?.params).toEqual({ earlier: "ana@gmail.com", kept: "anna@gmail.com" });
  });

  it("never takes the business's own address", () => {
    const result = extractWithRules(conversation({ messages: [["a", "Write to sales@shop.com for invoices"], ["u", "ok I'll write to sales@shop.com"]] }));
    expect(result.lead.email).toBeNull();
  });

  it("ignores addresses said only by the assistant", () => {
    const result = extractWithRules(conversation({ messages: [["u", "hi"], ["a", "Contact us at hello@clinic.com"]] }));
    expect(result.lead.email).toBeNull();
    expect(result.validation.email_valid).toBeNull();
  });

  it("flags an obvious domain typo without changing the address", () => {
    const result = extractWithRules(conversation({ messages: [["u", "email: pedro@gmial.com"]] }));
    expect(result.lead.email).toBe("pedro@gmial.com");
    expect(result.flags.find((flag) => flag.code === "email_typo_hint")?.suggestion).toBe("pedro@gmail.com");
  });

  it("completes an address whose ending came in the next message", () => {
    const result = extractWithRules(conversation({ country: "BR", messages: [["u", "meu email é carla.souza@uol"], ["a", "Faltou o final?"], ["u", "com.br"]] }));
    expect(result.lead.email).toBe("carla.souza@uol.com.br");
    expect(result.validation.email_valid).toBe(true);
  });

  it("replaces a mistyped ending the prospect corrects", () => {
    const result = extractWithRules(conversation({ country: "BR", messages: [["u", "dri.ferreira@gmail.con"], ["u", "ops, .com"]] }));
    expect(result.lead.email).toBe("dri.ferreira@gmail.com");
  });

  it("keeps an invalid address and marks it invalid", () => {
    const result = extractWithRules(conversation({ messages: [["u", "I'm Tom Hale, tom.hale@@yahoo.com"]] }));
    expect(result.lead.email).toBe("tom.hale@@yahoo.com");
    expect(result.validation.email_valid).toBe(false);
  });
});

describe("embedded provider: phones", () => {
  it("uses the WhatsApp number when none is typed, and says so", () => {
    const result = extractWithRules(conversation({ country: "BR", waId: "5511987654321", messages: [["u", "Oi, sou a Marta Lima"]] }));
    expect(result.lead.phone).toBe("+5511987654321");
    expect(result.validation).toMatchObject({ phone_valid: true, phone_type: "mobile" });
    expect(result.flags.map((flag) => flag.code)).toContain("phone_from_whatsapp");
  });

  it("reads a French local mobile with the default country", () => {
    const result = extractWithRules(conversation({ country: "FR", waId: "33700000000", messages: [["a", "Votre numéro ?"], ["u", "06 12 34 56 78"]] }));
    expect(result.lead.phone).toBe("+33612345678");
  });

  it("joins a number split across messages", () => {
    const result = extractWithRules(conversation({ country: "ES", waId: "34600000000", messages: [["a", "¿Tu teléfono?"], ["u", "612 34"], ["u", "56 78"]] }));
    expect(result.lead.phone).toBe("+34612345678");
    expect(result.evidence.phone?.quote).toContain("612 34");
  });

  it("reads a number given after 'how can we reach you?' and an international one anywhere", () => {
    expect(extractWithRules(conversation({ country: "AU", messages: [["a", "What's the best way to reach you?"], ["u", "0412 345 678"]] })).lead.phone).toBe("+61412345678");
    expect(extractWithRules(conversation({ country: "US", messages: [["u", "Thanks! +44 7911 123456 is mine"]] })).lead.phone).toBe("+447911123456");
  });

  it("takes the first of two numbers in one message", () => {
    const result = extractWithRules(conversation({ country: "BR", messages: [["u", "meu celular: 11 98765-4321, fixo 11 3456-7890"]] }));
    expect(result.lead.phone).toBe("+5511987654321");
  });

  it("keeps the corrected number", () => {
    const result = extractWithRules(
      conversation({ country: "GB", messages: [["a", "Best number?"], ["u", "07700 900 12"], ["u", "oops, 07700 900 123"]] }),
    );
    expect(result.lead.phone).toBe("+447700900123");
  });

  it("ignores the business's number even when the prospect repeats it", () => {
    const result = extractWithRules(
      conversation({ waId: "14045550148", messages: [["a", "Call us on (404) 555-0111"], ["u", "ok I will call (404) 555-0111 tomorrow"]] }),
    );
    expect(result.lead.phone).toBe("+14045550148");
  });

  it("ignores order numbers, prices and dates without phone context", () => {
    const result = extractWithRules(
      conversation({ country: "DE", waId: "4915112345678", messages: [["u", "Meine Bestellung 2026-0815-4471 kostet 1299 Euro, Kundennummer 88231"]] }),
    );
    expect(result.lead.phone).toBe("+4915112345678");
  });

  it("reads a Hindi-English message with a 0091 prefix", () => {
    const result = extractWithRules(conversation({ country: "IN", waId: "919000000001", messages: [["u", "mera number 0091 98765 43210 hai, call karo"]] }));
    expect(result.lead.phone).toBe("+919876543210");
  });

  it("keeps an invalid typed number when the WhatsApp belongs to someone else", () => {
    const result = extractWithRules(
      conversation({ country: "BR", waId: "5571988112233", messages: [["a", "Qual seu telefone?"], ["u", "(21) 99876-543210"], ["u", "esse zap é da minha mãe"]] }),
    );
    expect(result.lead.phone).toBe("+552199876543210");
    expect(result.validation.phone_valid).toBe(false);
    expect(result.flags.map((flag) => flag.code)).toEqual(expect.arrayContaining(["phone_invalid", "whatsapp_number_not_owned"]));
  });
});
