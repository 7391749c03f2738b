// The sign-in's `next` parameter can only lead to a path on this site.
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirectPath("/queue")).toBe("/queue");
    expect(safeRedirectPath("/queue?status=proposed&q=ana#row")).toBe("/queue?status=proposed&q=ana#row");
    expect(safeRedirectPath("/leads/1/../2")).toBe("/leads/2");
  });

  it("refuses other sites however they are spelled", () => {
    const attempts = [
      "//evil.example",
      "/\t/evil.example", // next=%2F%09%2Fevil.example
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\\evil.example",
      "\\/evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "http:evil.example",
      "javascript:alert(1)",
      " /queue",
      "evil.example",
      "/\u0000/evil.example",
      "/\u0085/evil.example",
      "",
      "/".padEnd(3000, "a"),
    ];
    for (const attempt of attempts) expect(safeRedirectPath(attempt), JSON.stringify(attempt)).toBe("/queue");
    expect(safeRedirectPath(null)).toBe("/queue");
    expect(safeRedirectPath(["/queue"])).toBe("/queue");
  });

  it("uses the fallback given", () => {
    expect(safeRedirectPath("//evil.example", "/")).toBe("/");
  });
});
