import { describe, expect, it } from "vitest";
import { crmContactUrl } from "./record-url";

describe("crmContactUrl", () => {
  it("points internal contacts at the Contacts page and HubSpot ones at their record in their account", () => {
    expect(crmContactUrl("internal", "abc")).toBe("/contacts#contact-abc");
    expect(crmContactUrl("hubspot", "123", { accountId: "4455", uiDomain: null })).toBe("https://app.hubspot.com/contacts/4455/record/0-1/123");
    expect(crmContactUrl("hubspot", "123", { accountId: "4455", uiDomain: "app-eu1.hubspot.com" })).toBe("https://app-eu1.hubspot.com/contacts/4455/record/0-1/123");
  });

  it("has no link for HubSpot without its account", () => {
    expect(crmContactUrl("hubspot", "123", null)).toBeNull();
  });
});
