import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessDayAtDefaultTime,
  businessDaysLater,
  moveIntoBusinessHours,
  nextBusinessMorning,
} from "./business-hours";

const local = (iso: string, zone = "America/Sao_Paulo") => DateTime.fromISO(iso, { zone });
const utc = (time: DateTime) => time.toUTC().toISO();

describe("moveIntoBusinessHours", () => {
  it.each([
    ["2026-11-28T11:00", "2026-11-30T12:00:00.000Z"], // Saturday -> Monday 09:00 São Paulo (UTC-3)
    ["2026-11-29T15:00", "2026-11-30T12:00:00.000Z"], // Sunday -> Monday 09:00
    ["2026-11-24T20:00", "2026-11-25T12:00:00.000Z"], // Tuesday 20:00 -> Wednesday 09:00
    ["2026-11-24T18:00", "2026-11-25T12:00:00.000Z"], // closing time is already closed
    ["2026-11-24T07:30", "2026-11-24T12:00:00.000Z"], // early morning -> 09:00 same day
    ["2026-11-27T19:00", "2026-11-30T12:00:00.000Z"], // Friday evening -> Monday 09:00
    ["2026-11-24T17:59", "2026-11-24T20:59:00.000Z"], // inside: unchanged
  ])("moves %s São Paulo time to %s", (time, expected) => {
    expect(utc(moveIntoBusinessHours(local(time)))).toBe(expected);
  });

  it("lands on 09:00 local after Europe's DST change (Saturday 2026-10-24 CEST -> Monday 2026-10-26 CET)", () => {
    expect(utc(moveIntoBusinessHours(local("2026-10-24T12:00", "Europe/Madrid")))).toBe("2026-10-26T08:00:00.000Z");
  });
});

describe("nextBusinessMorning", () => {
  it.each([
    ["2026-11-24T15:00", "2026-11-25T13:00:00.000Z"], // Tuesday afternoon -> Wednesday 10:00
    ["2026-11-24T08:00", "2026-11-24T13:00:00.000Z"], // before 10:00 -> today 10:00
    ["2026-11-27T15:00", "2026-11-30T13:00:00.000Z"], // Friday -> Monday 10:00
    ["2026-11-28T09:00", "2026-11-30T13:00:00.000Z"], // Saturday morning -> Monday 10:00
  ])("after %s is %s", (time, expected) => {
    expect(utc(nextBusinessMorning(local(time)))).toBe(expected);
  });
});

describe("addBusinessMinutes", () => {
  it.each([
    ["2026-11-24T14:10", "2026-11-24T18:10:00.000Z"], // inside hours: +1h
    ["2026-11-27T17:30", "2026-11-30T12:30:00.000Z"], // Friday 17:30 -> Monday 09:30
    ["2026-11-24T21:00", "2026-11-25T13:00:00.000Z"], // after hours -> next day 10:00
  ])("one business hour after %s is %s", (time, expected) => {
    expect(utc(addBusinessMinutes(local(time), 60))).toBe(expected);
  });
});

describe("dates without a time", () => {
  it("takes the day at 10:00, or the next business day when it falls on a weekend", () => {
    expect(utc(businessDayAtDefaultTime(local("2026-11-26T00:00")))).toBe("2026-11-26T13:00:00.000Z");
    expect(utc(businessDayAtDefaultTime(local("2026-11-28T00:00")))).toBe("2026-11-30T13:00:00.000Z");
  });

  it("counts nurture days in business days", () => {
    expect(utc(businessDaysLater(local("2026-11-26T15:00"), 3))).toBe("2026-12-01T13:00:00.000Z"); // Thu -> Tue
  });
});
