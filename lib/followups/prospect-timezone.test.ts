import { getCountry } from "countries-and-timezones";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { canonicalZone, chooseProspectTimeZone, MOST_POPULOUS_ZONE, resolveProspectTimeZone } from "./prospect-timezone";

const resolve = (phone: string | null, workspaceTimezone = "America/Sao_Paulo", workspaceDefaultCountry = "BR") =>
  resolveProspectTimeZone({ phone, workspaceTimezone, workspaceDefaultCountry });

describe("resolveProspectTimeZone", () => {
  it.each([
    ["5215512345678", "America/Mexico_City", "MX"], // a Mexican wa_id with the old mobile 1
    ["+52 664 123 4567", "America/Tijuana", "MX"], // Baja California's area code
    ["+447911123456", "Europe/London", "GG"], // libphonenumber names the first country of +44 7911
    ["447700900123", "Europe/London", null], // a UK drama-range number: not valid, still +44 7
    ["56912345678", "America/Santiago", null], // a Chilean mobile wa_id
    ["+56 2 2123 4567", "America/Santiago", "CL"],
    ["+14155550199", "America/Los_Angeles", "US"], // San Francisco, not New York
    ["+12125550123", "America/New_York", "US"],
    ["+14165550123", "America/Toronto", "CA"],
    ["5511987654321", "America/Sao_Paulo", "BR"],
    ["+5592981234567", "America/Manaus", "BR"],
    ["+919876543210", "Asia/Kolkata", "IN"],
    ["+4915112345678", "Europe/Berlin", "DE"],
    ["+33612345678", "Europe/Paris", "FR"],
  ])("puts %s in %s", async (phone, timezone, country) => {
    expect(await resolve(phone, "America/Sao_Paulo")).toMatchObject({ timezone, country });
  });

  it("reads a local number in the workspace's country", async () => {
    expect(await resolve("912 345 678", "Europe/Lisbon", "PT")).toMatchObject({ timezone: "Europe/Lisbon", country: "PT" });
  });

  it("falls back to the workspace's zone only when the number says nothing", async () => {
    expect(await resolve("12345", "Asia/Kolkata", "IN")).toEqual({ timezone: "Asia/Kolkata", country: null, source: "workspace" });
    expect(await resolve(null)).toMatchObject({ timezone: "America/Sao_Paulo", source: "workspace" });
    // +1 555 is no area code: every North American zone, so the workspace's.
    expect(await resolve("+15550001111", "America/Sao_Paulo", "BR")).toMatchObject({ timezone: "America/Sao_Paulo", source: "workspace" });
    expect(await resolve("+15550001111", "America/Chicago", "US")).toMatchObject({ timezone: "America/Chicago", source: "phone_number_workspace_zone" });
  });

  it("rejects a workspace zone that is not an IANA zone", async () => {
    await expect(resolve("+5511987654321", "Mars/Olympus")).rejects.toThrow(/not an IANA time zone/);
  });
});

describe("chooseProspectTimeZone", () => {
  it("prefers the workspace's zone, then the country's most populous one, among the number's zones", () => {
    const zones = ["America/Chicago", "America/Denver", "America/New_York"];
    expect(chooseProspectTimeZone({ zones, country: "US", workspaceTimezone: "America/Denver" })).toMatchObject({ timezone: "America/Denver" });
    expect(chooseProspectTimeZone({ zones, country: "US", workspaceTimezone: "Europe/Lisbon" })).toMatchObject({
      timezone: "America/New_York",
      source: "phone_country_most_populous",
    });
    expect(chooseProspectTimeZone({ zones, country: null, workspaceTimezone: "Europe/Lisbon" })).toMatchObject({ timezone: "Europe/Lisbon", source: "workspace" });
  });

  it("treats a workspace zone that is an alias of one of the number's zones as that zone", () => {
    expect(chooseProspectTimeZone({ zones: ["Africa/Lagos", "Africa/Lubumbashi"], country: "CD", workspaceTimezone: "Africa/Kinshasa" })).toMatchObject({
      timezone: "Africa/Kinshasa",
    });
  });

  it("names a real zone of its own country for every multi-zone country", () => {
    for (const [country, zone] of Object.entries(MOST_POPULOUS_ZONE)) {
      expect(IANAZone.isValidZone(zone), zone).toBe(true);
      expect(getCountry(country as "US")?.timezones, country).toContain(canonicalZone(zone));
    }
  });
});
