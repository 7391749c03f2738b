import { describe, expect, it } from "vitest";
import { emailTypoHint, isValidEmail, normalizeEmail, qualify, readPhone, readWhatsAppId, validationFlags } from "./validation";

describe("email validation", () => {
  it("lowercases and trims sentence punctuation", () => {
    expect(normalizeEmail(" Ana.Silva@Gmail.COM. ")).toBe("ana.silva@gmail.com");
    expect(normalizeEmail("<joe@acme.io>,")).toBe("joe@acme.io");
  });

  it.each([
    ["ana@gmail.com", true],
    ["a.b-c+tag@sub.example.co.uk", true],
    ["ramon@@hotmail.com", false],
    ["zainab@hotmail", false],
    ["two..dots@gmail.com", false],
    ["no-at-sign.com", false],
    [".lead@gmail.com", false],
  ])("%s valid=%s", (email, valid) => {
    expect(isValidEmail(email)).toBe(valid);
  });

  it("hints the common domain an obvious typo meant", () => {
    expect(emailTypoHint("ana@gmial.com")).toBe("ana@gmail.com");
    expect(emailTypoHint("ana@hotmial.com")).toBe("ana@hotmail.com");
    expect(emailTypoHint("ana@yaho.com")).toBe("ana@yahoo.com");
    expect(emailTypoHint("ana@outlok.com")).toBe("ana@outlook.com");
  });

  it("gives no hint for correct or unrelated domains", () => {
    expect(emailTypoHint("ana@gmail.com")).toBeNull();
    expect(emailTypoHint("ana@vogel-architekten.de")).toBeNull();
    expect(emailTypoHint("ana@gmx.de")).toBeNull();
  });
});

describe("phone reading", () => {
  it.each([
    ["614-555-0163", "US", "+16145550163", true],
    ["07481 552 903", "GB", "+447481552903", true],
    ["+27 (0)82 765 4321", "ZA", "+27827654321", true],
    ["0091 98111 22334", "IN", "+919811122334", true],
    ["(11) 98765-4321", "BR", "+5511987654321", true],
    ["0294 15 442-1133", "AR", "+5492944421133", true],
    ["06 12 34 56 78", "FR", "+33612345678", true],
    ["612 34 56 78", "ES", "+34612345678", true],
    ["(71) 99123-45678", "BR", "+55719912345678", false],
  ])("%s in %s -> %s (valid=%s)", (text, country, e164, valid) => {
    const reading = readPhone(text, country);
    expect(reading?.e164).toBe(e164);
    expect(reading?.valid).toBe(valid);
  });

  it("reports the number type and country", () => {
    expect(readPhone("044 2345 6789", "IN")).toMatchObject({ type: "fixed_line", country: "IN" });
    expect(readPhone("0157 3344 5566", "DE")).toMatchObject({ type: "mobile", country: "DE" });
  });

  it("returns null for text that cannot be a phone", () => {
    expect(readPhone("402", "IN")).toBeNull();
    expect(readPhone("B-402", "IN")).toBeNull();
  });

  it("reads a WhatsApp id, dropping Mexico's legacy mobile 1", () => {
    expect(readWhatsAppId("5215512345678", "MX")?.e164).toBe("+525512345678");
    expect(readWhatsAppId("5215512345678", "MX")?.valid).toBe(true);
    expect(readWhatsAppId("447956123789", "US")).toMatchObject({ e164: "+447956123789", valid: true, country: "GB" });
  });
});

describe("qualification", () => {
  const validPhone = readPhone("+16145550163", "US");
  it("needs a name and a valid contact method", () => {
    expect(qualify({ name: "Ana", email: null, phone: "+16145550163" }, validationFlags(null, validPhone))).toEqual({ qualifies: true, insufficientReason: null });
    expect(qualify({ name: "Ana", email: "ana@gmail.com", phone: null }, validationFlags("ana@gmail.com", null)).qualifies).toBe(true);
  });

  it("explains what is missing", () => {
    const noName = qualify({ name: null, email: null, phone: "+16145550163" }, validationFlags(null, validPhone));
    expect(noName.qualifies).toBe(false);
    expect(noName.insufficientReason).toMatch(/no name/);
    const badContact = qualify({ name: "Ana", email: "ana@@x.com", phone: "+55719912345678" }, validationFlags("ana@@x.com", readPhone("+55719912345678", "BR")));
    expect(badContact.qualifies).toBe(false);
    expect(badContact.insufficientReason).toMatch(/not valid/);
  });
});

describe("old-form numbers", () => {
  it("reads a Brazilian wa_id without the 9th digit as today's valid mobile", () => {
    expect(readWhatsAppId("551187654321", "BR")).toMatchObject({ e164: "+5511987654321", valid: true, type: "mobile" });
  });

  it("reads a Mexican +521 wa_id without the 1", () => {
    expect(readWhatsAppId("5215512345678", "MX")).toMatchObject({ e164: "+525512345678", valid: true });
  });
});
