import { describe, expect, it } from "vitest";
import { diffCorrections } from "./corrections";
import type { LeadValues } from "./lead-fields";

const lead = (values: Partial<LeadValues>): LeadValues => ({
  name: null,
  email: null,
  phone: null,
  company: null,
  productInterest: null,
  urgencyLevel: null,
  ...values,
});

describe("diffCorrections", () => {
  it("ignores differences evaluation ignores: case and accents in names, email case, phone punctuation", () => {
    expect(
      diffCorrections(
        lead({ name: "Jose  Alvarez", email: "Jose@Example.com", phone: "+52 1 55 1234 5678", company: "Acme" }),
        lead({ name: "José Álvarez", email: "jose@example.com", phone: "+5215512345678", company: "ACME" }),
      ),
    ).toEqual([]);
  });

  it("reports a filled, cleared or changed field with both values, in extraction's field names", () => {
    expect(
      diffCorrections(
        lead({ name: "Ana", productInterest: "Seguro Auto", urgencyLevel: "low" }),
        lead({ name: "Ana Souza", company: "Verde Ltda", urgencyLevel: "high" }),
      ),
    ).toEqual([
      { field: "name", extractedValue: "Ana", approvedValue: "Ana Souza" },
      { field: "company", extractedValue: null, approvedValue: "Verde Ltda" },
      { field: "product_interest", extractedValue: "Seguro Auto", approvedValue: null },
      { field: "urgency_level", extractedValue: "low", approvedValue: "high" },
    ]);
  });
});
