import { getCountry } from "countries-and-timezones";
import { IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { canonicalZone, MOST_POPULOUS_ZONE, resolveProspectTimeZone } from "./prospect-timezone";

const resolve = (phone: string | null, workspaceTimezone = "Europe/Lisbon", workspaceDefaultCountry = "PT") =>
  resolveProspectTimeZone({ phone, workspaceTimezone, workspaceDefaultCountry });

describe("resolveProspectTimeZone", () => {
  it.each([
    ["5511987654321", "America/Sao_Paulo", "BR"], // a WhatsApp wa_id, no plus
    ["+34 612 345 678", "Europe/Madrid", "ES"],
    ["+919876543210", "Asia/Kolkata", "IN"],
    ["+12125550123", "America/New_York", "US"],
    ["+14165550123", "America/Toronto", "CA"], // +1 area code 416 is Canada
    ["+525512345678", "America/Mexico_City", "MX"],
    ["+4915112345678", "Europe/Berlin", "DE"],
    ["+33612345678", "Europe/Paris", "FR"],
  ])("puts %s in %s", (phone, timezone, country) => {
    expect(resolve(phone)).toMatchObject({ timezone, country });
  });

  it("prefers the workspace's zone when it is one of the prospect's country's zones", () => {
    expect(resolve("+12125550123", "America/Chicago", "US")).toEqual({
      timezone: "America/Chicago",
      country: "US",
      source: "phone_country_workspace_zone",
    });
  });

  it("treats a workspace zone that is an alias of one of the country's zones as that zone", () => {
    expect(resolve("+243812345678", "Africa/Kinshasa", "CD")).toMatchObject({ timezone: "Africa/Kinshasa", country: "CD" });
  });

  it("reads a local number in the workspace's country", () => {
    expect(resolve("912 345 678")).toMatchObject({ timezone: "Europe/Lisbon", country: "PT" });
  });

  it("falls back to the workspace's zone when the number tells no country", () => {
    expect(resolve("12345", "Asia/Kolkata", "IN")).toEqual({ timezone: "Asia/Kolkata", country: null, source: "workspace" });
    expect(resolve(null, "America/Sao_Paulo")).toMatchObject({ timezone: "America/Sao_Paulo", source: "workspace" });
  });

  it("rejects a workspace zone that is not an IANA zone", () => {
    expect(() => resolve("+5511987654321", "Mars/Olympus")).toThrow(/not an IANA time zone/);
  });

  it("names a real zone of its own country for every multi-zone country", () => {
    for (const [country, zone] of Object.entries(MOST_POPULOUS_ZONE)) {
      expect(IANAZone.isValidZone(zone), zone).toBe(true);
      expect(getCountry(country as "US")?.timezones, country).toContain(canonicalZone(zone));
    }
  });
});
