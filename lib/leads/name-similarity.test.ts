import { describe, expect, it } from "vitest";
import { nameSimilarity } from "./name-similarity";

describe("nameSimilarity", () => {
  it("ignores accents, case and word order", () => {
    expect(nameSimilarity("Lucía Martínez", "lucia martinez")).toBe(1);
    expect(nameSimilarity("Martínez, Lucía", "Lucía Martínez")).toBe(1);
  });

  it("matches a name with its middle name left out, or an initial", () => {
    expect(nameSimilarity("Ana Souza", "Ana Beatriz Souza")).toBe(1);
    expect(nameSimilarity("J. Ruiz", "Jorge Ruiz")).toBe(1);
  });

  it("scores different people low, even with a shared first name", () => {
    expect(nameSimilarity("Ana Souza", "Ana Lima")).toBeLessThan(0.5);
    expect(nameSimilarity("Pedro Sánchez", "Grace Adeyemi")).toBe(0);
  });
});
