import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("CSV cells", () => {
  it("quotes what needs quoting and leaves the rest", () => {
    expect(csvLine(["Ana", "ana@x.com", null, 3])).toBe("Ana,ana@x.com,,3\r\n");
    expect(csvCell('Padaria "Pão Quente", Ltda')).toBe('"Padaria ""Pão Quente"", Ltda"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("defuses formulas but keeps phone numbers", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvCell("+55 11 98765-4321")).toBe("+55 11 98765-4321");
    expect(csvCell("-")).toBe("-");
  });
});
