import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("conversation cursor", () => {
  it("round-trips (lastMessageAt, id)", () => {
    const cursor = { lastMessageAt: new Date("2026-03-16T15:20:00.123Z"), id: "7d5b3f5e-8a0c-4c47-9d5e-1f2a3b4c5d6e" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("refuses a tampered or foreign cursor with a bad request", () => {
    for (const bad of ["", "abc", Buffer.from('["x","y"]').toString("base64url"), Buffer.from("{}").toString("base64url")]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: "bad_request" }));
    }
  });
});
