import { describe, expect, it } from "vitest";
import type { ReviewFlag } from "@/lib/extraction/types";
import { applyEdits, checkLead, leadEditsSchema, reviewFlags, type LeadValues } from "./lead-fields";

const lead: LeadValues = { name: "Ana Souza", email: "ana@gmail.com", phone: "+5511987654321", company: null, productInterest: null, urgencyLevel: "high" };

describe("checkLead", () => {
  it("qualifies a lead with a name and a valid contact method", () => {
    const check = checkLead(lead, "BR");
    expect(check).toMatchObject({ qualifies: true, emailNormalized: "ana@gmail.com", phoneE164: "+5511987654321" });
    expect(check.validation).toMatchObject({ email_valid: true, phone_valid: true, phone_type: "mobile", phone_country: "BR" });
  });

  it("re-validates an edited phone read in the workspace's country", () => {
    const check = checkLead(applyEdits(lead, leadEditsSchema.parse({ phone: "(11) 3333-4444", email: "" })), "BR");
    expect(check.values.email).toBeNull();
    expect(check.validation).toMatchObject({ phone_valid: true, phone_type: "fixed_line", email_valid: null });
    expect(check.phoneE164).toBe("+551133334444");
  });

  it("flags an invalid phone and refuses to qualify without another contact", () => {
    const check = checkLead({ ...lead, email: null, phone: "555-0199" }, "US");
    expect(check.validation.phone_valid).toBe(false);
    expect(check.qualifies).toBe(false);
    expect(check.insufficientReason).toMatch(/no valid contact method/);
  });

  it("suggests the likely domain for a typo and does not qualify without a name", () => {
    const check = checkLead({ ...lead, name: "  ", email: "ana@gmial.com", phone: null }, "BR");
    expect(check.emailTypoSuggestion).toBe("ana@gmail.com");
    expect(check.qualifies).toBe(false);
  });

  it("rejects unknown fields in edits", () => {
    expect(() => leadEditsSchema.parse({ nmae: "typo" })).toThrow();
  });

  it("names the contact values that are given but not valid", () => {
    expect(checkLead({ ...lead, email: "ana@@gmail" }, "BR").invalidContactFields).toEqual(["email"]);
    expect(checkLead({ ...lead, email: null, phone: "555-0199" }, "US").invalidContactFields).toEqual(["phone"]);
    expect(checkLead(lead, "BR").invalidContactFields).toEqual([]);
  });
});

describe("reviewFlags", () => {
  const extracted: LeadValues = { ...lead, email: "ana@gmial.com" };
  const stored: ReviewFlag[] = [
    { code: "email_typo_hint", field: "email", message: '"ana@gmial.com" looks like a typo of "ana@gmail.com"', suggestion: "ana@gmail.com" },
    { code: "phone_from_whatsapp", field: "phone", message: "No phone in the text: using the channel-verified WhatsApp number" },
    { code: "name_differs_from_profile", field: "name", message: "The name given differs from the WhatsApp profile" },
    { code: "prompt_injection_ignored", field: null, message: "A message reads like instructions" },
  ];
  const codes = (flags: ReviewFlag[]) => flags.map((flag) => flag.code).sort();

  it("keeps every flag while nothing is edited", () => {
    expect(codes(reviewFlags(stored, extracted, checkLead(extracted, "BR")))).toEqual(codes(stored));
  });

  it("drops the typo flag once the email is corrected, and keeps the others", () => {
    const flags = reviewFlags(stored, extracted, checkLead({ ...extracted, email: "ana@gmail.com" }, "BR"));
    expect(codes(flags)).toEqual(["name_differs_from_profile", "phone_from_whatsapp", "prompt_injection_ignored"]);
  });

  it("raises the flag a new bad value earns, and drops flags about a field the reviewer rewrote", () => {
    const flags = reviewFlags(stored, extracted, checkLead({ ...extracted, email: "ana@", phone: "+55 11 3333-4444", name: "Ana Paula" }, "BR"));
    expect(codes(flags)).toEqual(["email_invalid", "prompt_injection_ignored"]);
    expect(flags.find((flag) => flag.code === "email_invalid")?.message).toContain("ana@");
  });
});
