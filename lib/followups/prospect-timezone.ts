// Which IANA time zone a prospect lives in, told from their phone number's
// country (libphonenumber-js/max: +1 area codes tell the US from Canada) and a
// country -> time zones table (countries-and-timezones).
// For a country with several zones we cannot see the city, so:
//   1. the workspace's own zone, when it is one of that country's zones (a
//      business in Chicago mostly sells to people near Chicago);
//   2. else the zone where most of the country's people live (MOST_POPULOUS_ZONE);
// and when the number tells no country, the workspace's zone.
import { getCountry, getTimezone } from "countries-and-timezones";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { IANAZone } from "luxon";

/** Most populous zone of every country that has several (as listed by countries-and-timezones 3.10); some are aliases of the table's canonical zone. */
export const MOST_POPULOUS_ZONE: Readonly<Record<string, string>> = {
  AR: "America/Argentina/Buenos_Aires",
  AU: "Australia/Sydney",
  BR: "America/Sao_Paulo",
  CA: "America/Toronto",
  CD: "Africa/Kinshasa",
  CL: "America/Santiago",
  CN: "Asia/Shanghai",
  CY: "Asia/Nicosia",
  DE: "Europe/Berlin",
  EC: "America/Guayaquil",
  ES: "Europe/Madrid",
  FM: "Pacific/Chuuk",
  GL: "America/Nuuk",
  ID: "Asia/Jakarta",
  KI: "Pacific/Tarawa",
  KZ: "Asia/Almaty",
  MH: "Pacific/Majuro",
  MN: "Asia/Ulaanbaatar",
  MX: "America/Mexico_City",
  MY: "Asia/Kuala_Lumpur",
  NZ: "Pacific/Auckland",
  PF: "Pacific/Tahiti",
  PG: "Pacific/Port_Moresby",
  PS: "Asia/Hebron",
  PT: "Europe/Lisbon",
  RU: "Europe/Moscow",
  UA: "Europe/Kyiv",
  US: "America/New_York",
  UZ: "Asia/Tashkent",
  VN: "Asia/Ho_Chi_Minh",
};

export type ProspectTimeZone = {
  timezone: string;
  /** ISO 3166 alpha-2 of the phone number, when it could be told. */
  country: string | null;
  /** How the zone was chosen, for the reviewer. */
  source: "phone_country" | "phone_country_workspace_zone" | "phone_country_most_populous" | "workspace";
};

export class InvalidTimeZoneError extends Error {
  override readonly name = "InvalidTimeZoneError";
}

export function assertTimeZone(zone: string): string {
  if (!IANAZone.isValidZone(zone)) throw new InvalidTimeZoneError(`not an IANA time zone: ${JSON.stringify(zone)}`);
  return zone;
}

/** The table lists canonical zones only ("Africa/Lagos" for "Africa/Kinshasa"). */
export function canonicalZone(zone: string): string {
  return getTimezone(zone)?.aliasOf ?? zone;
}

/** A WhatsApp wa_id ("5511987654321"), an E.164 number, or a local number read in the workspace's country. */
export function phoneCountry(phone: string, defaultCountry?: string): string | null {
  const trimmed = phone.trim();
  const international = /^\d{8,15}$/.test(trimmed) ? `+${trimmed}` : trimmed;
  const parsed =
    parsePhoneNumberFromString(international) ??
    (defaultCountry ? parsePhoneNumberFromString(trimmed, defaultCountry.toUpperCase() as CountryCode) : undefined);
  return parsed?.isValid() ? (parsed.country ?? null) : null;
}

export function resolveProspectTimeZone(input: {
  phone: string | null | undefined;
  workspaceTimezone: string;
  workspaceDefaultCountry?: string;
}): ProspectTimeZone {
  const workspaceZone = assertTimeZone(input.workspaceTimezone);
  const country = input.phone ? phoneCountry(input.phone, input.workspaceDefaultCountry) : null;
  const zones = country ? (getCountry(country)?.timezones ?? []) : [];
  if (!country || zones.length === 0) return { timezone: workspaceZone, country, source: "workspace" };
  if (zones.length === 1) return { timezone: zones[0]!, country, source: "phone_country" };
  if (zones.includes(canonicalZone(workspaceZone) as (typeof zones)[number])) {
    return { timezone: workspaceZone, country, source: "phone_country_workspace_zone" };
  }
  return { timezone: MOST_POPULOUS_ZONE[country] ?? zones[0]!, country, source: "phone_country_most_populous" };
}
