import { describe, expect, it } from "vitest";
import { applyEdits, checkLead, leadEditsSchema, type LeadValues } from "./lead-fields";

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
});
