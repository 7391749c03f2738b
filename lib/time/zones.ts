// IANA time zones as people pick them: the check every setting uses (the
// workspace's zone, a person's own) and the list a picker offers.
import { IANAZone } from "luxon";
import { z } from "zod";

export function isTimeZone(value: string): boolean {
  return IANAZone.isValidZone(value);
}

export const timeZoneSchema = z.string().trim().refine(isTimeZone, "must be an IANA time zone such as America/Sao_Paulo");

/** Every zone this runtime knows, for pickers ("UTC" included). */
export function timeZoneNames(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}
