import { describe, expect, it } from "vitest";
import { crmMappingSchema, DEFAULT_CRM_MAPPING, mappingProblems, previewMapping, propertiesToWrite, scorePropertyNames, type CrmMappingOptions } from "./mapping";

const options: CrmMappingOptions = {
  pipelines: [
    { id: "default", label: "Sales Pipeline", stages: [{ id: "appointmentscheduled", label: "Appointment scheduled" }, { id: "qualifiedtobuy", label: "Qualified to buy" }] },
    { id: "777", label: "WhatsApp leads", stages: [{ id: "888", label: "New" }, { id: "889", label: "Talking" }] },
  ],
  properties: [{ name: "lead_rating", label: "Lead rating" }, { name: "notes_for_sales", label: "Notes for sales" }],
  ownScoreProperties: {
    leadScore: { name: "leadbridge_lead_score", label: "Lead Score" },
    primaryObjection: { name: "leadbridge_primary_objection", label: "Primary Objection" },
    recommendedApproach: { name: "leadbridge_recommended_approach", label: "Recommended Approach" },
  },
};

describe("mapping checks", () => {
  it("accepts the default and a full choice from the account", () => {
    expect(mappingProblems(DEFAULT_CRM_MAPPING, options)).toEqual([]);
    const mapping = crmMappingSchema.parse({ dealPipelineId: "777", dealStageId: "889", scoreProperties: { leadScore: "lead_rating" }, overwriteFields: ["company", "company"] });
    expect(mapping.overwriteFields).toEqual(["company"]);
    expect(mappingProblems(mapping, options)).toEqual([]);
  });

  it("names each wrong field by its path", () => {
    const problems = mappingProblems(
      { dealPipelineId: "777", dealStageId: "appointmentscheduled", scoreProperties: { leadScore: "firstname", primaryObjection: "lead_rating", recommendedApproach: "lead_rating" }, overwriteFields: [] },
      options,
    );
    expect(problems.map((problem) => problem.path)).toEqual(["dealStageId", "scoreProperties.leadScore", "scoreProperties.recommendedApproach"]);
    expect(problems[0]!.message).toContain("WhatsApp leads");
    expect(mappingProblems({ ...DEFAULT_CRM_MAPPING, dealPipelineId: "nope" }, options)[0]).toMatchObject({ path: "dealPipelineId" });
    expect(() => crmMappingSchema.parse({ ...DEFAULT_CRM_MAPPING, overwriteFields: ["password"] })).toThrow();
  });

  it("sends unmapped scores to LeadBridge's own properties", () => {
    const own = { leadScore: "leadbridge_lead_score", primaryObjection: "leadbridge_primary_objection", recommendedApproach: "leadbridge_recommended_approach" };
    expect(scorePropertyNames({ scoreProperties: { primaryObjection: "notes_for_sales" } }, own)).toEqual({ ...own, primaryObjection: "notes_for_sales" });
  });
});

describe("propertiesToWrite", () => {
  const desired = { firstname: "Ana", company: "Verde Solar", phone: "+5511987654321" };

  it("fills empty properties and keeps what someone typed in the CRM", () => {
    expect(propertiesToWrite(desired, { firstname: "", company: "Verde Solar Ltda", phone: null }, () => false)).toEqual({ firstname: "Ana", phone: "+5511987654321" });
    // The same value again is harmless to send.
    expect(propertiesToWrite(desired, { firstname: "Ana", company: " Verde Solar " }, () => false)).toEqual(desired);
  });

  it("overwrites the fields allowed to", () => {
    expect(propertiesToWrite(desired, { firstname: "Bob", company: "Acme", phone: "+1" }, (property) => property === "company")).toEqual({ company: "Verde Solar" });
  });
});

describe("previewMapping", () => {
  it("shows where each field goes, an example value, and whether it overwrites", () => {
    const preview = previewMapping(
      { dealPipelineId: "777", dealStageId: null, scoreProperties: { leadScore: "lead_rating" }, overwriteFields: ["leadScore"] },
      options,
      { name: "Ana Souza", email: "ana@example.com", phone: "+5511987654321", company: null, dealTitle: "WhatsApp lead: Ana Souza", scores: { leadScore: "Hot: ready to buy", primaryObjection: "Price", recommendedApproach: "Send a quote today" } },
      { name: "First name + Last name", email: "Email", phone: "Phone number", company: "Company name", owner: "Contact owner" },
      "ana.owner@verde.example",
    );
    expect(preview.deal).toEqual({ pipeline: "WhatsApp leads", stage: "New", title: "WhatsApp lead: Ana Souza" });
    expect(preview.rows.find((row) => row.field === "Lead Score")).toEqual({ key: "leadScore", field: "Lead Score", crmProperty: "Lead rating (lead_rating)", example: "Hot: ready to buy", rule: "overwrites" });
    expect(preview.rows.find((row) => row.field === "Company")).toMatchObject({ example: null, rule: "fills empty only" });
    expect(preview.rows.find((row) => row.field === "Owner")).toMatchObject({ crmProperty: "Contact owner", example: "ana.owner@verde.example" });
    // LeadBridge's own score fields are ours: always kept current.
    expect(preview.rows.find((row) => row.field === "Primary Objection")).toMatchObject({ crmProperty: "Primary Objection (leadbridge_primary_objection)", rule: "ours" });
  });
});
