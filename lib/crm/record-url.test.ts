import { describe, expect, it } from "vitest";
import { crmContactUrl } from "./record-url";

describe("crmContactUrl", () => {
  it("points internal contacts at their page and HubSpot ones at their record", () => {
    expect(crmContactUrl("internal", "abc", undefined)).toBe("/contacts/abc");
    expect(crmContactUrl("hubspot", "123", "4455")).toBe("https://app.hubspot.com/contacts/4455/record/0-1/123");
  });

  it("has no link for HubSpot without its portal id", () => {
    expect(crmContactUrl("hubspot", "123", undefined)).toBeNull();
  });
});
