import { describe, expect, it } from "vitest";
import { crmContactUrl } from "./record-url";

describe("crmContactUrl", () => {
  it("points internal contacts at their page and HubSpot ones at their record in the link's account", () => {
    expect(crmContactUrl({ crmSystem: "internal", crmContactId: "abc", crmAccount: "internal:w1" })).toBe("/contacts/abc");
    expect(crmContactUrl({ crmSystem: "hubspot", crmContactId: "123", crmAccount: "hubspot:4455" })).toBe("https://app.hubspot.com/contacts/4455/record/0-1/123");
    const eu = { accountId: "4455", uiDomain: "app-eu1.hubspot.com" };
    expect(crmContactUrl({ crmSystem: "hubspot", crmContactId: "123", crmAccount: "hubspot:4455" }, eu)).toBe("https://app-eu1.hubspot.com/contacts/4455/record/0-1/123");
    // A link into an account the workspace no longer uses still opens there.
    expect(crmContactUrl({ crmSystem: "hubspot", crmContactId: "9", crmAccount: "hubspot:777" }, eu)).toBe("https://app.hubspot.com/contacts/777/record/0-1/9");
  });

  it("has no link for HubSpot records whose account is unknown", () => {
    expect(crmContactUrl({ crmSystem: "hubspot", crmContactId: "123", crmAccount: "" })).toBeNull();
  });
});
