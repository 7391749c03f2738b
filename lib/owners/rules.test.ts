import { describe, expect, it } from "vitest";
import { chooseOwner, ownerRuleProblems, ownerRulesSchema, readOwnerRules } from "./rules";

const ANA = "11111111-1111-4111-8111-111111111111";
const BEN = "22222222-2222-4222-8222-222222222222";
const CAI = "33333333-3333-4333-8333-333333333333";
const GONE = "44444444-4444-4444-8444-444444444444";
const members = new Set([ANA, BEN, CAI]);

const rules = ownerRulesSchema.parse({
  byProduct: [{ product: "Home Battery", userId: CAI }, { product: "Solar Panel Kit", userId: GONE }],
  byLanguage: [{ language: "ES", userId: BEN }],
  roundRobin: [ANA, BEN, GONE, ANA],
});

describe("chooseOwner", () => {
  it("gives a product's leads to its owner, then a language's, whatever the case", () => {
    expect(chooseOwner(rules, { product: "home battery", language: "es" }, members, 0)).toEqual({ userId: CAI, rule: "product" });
    expect(chooseOwner(rules, { product: "EV Charger", language: "es" }, members, 0)).toEqual({ userId: BEN, rule: "language" });
  });

  it("takes turns among the round-robin's members, skipping people who left", () => {
    const turns = [0, 1, 2, 3].map((rotation) => chooseOwner(rules, { product: null, language: "pt" }, members, rotation)?.userId);
    expect(turns).toEqual([ANA, BEN, ANA, BEN]);
    // A product rule naming someone who left falls through to the round-robin.
    expect(chooseOwner(rules, { product: "Solar Panel Kit", language: null }, members, 1)).toEqual({ userId: BEN, rule: "round_robin" });
  });

  it("assigns nobody without rules, or when stored rules cannot be read", () => {
    expect(chooseOwner(readOwnerRules({}), { product: "x", language: "pt" }, members, 0)).toBeNull();
    expect(readOwnerRules({ roundRobin: "everyone" })).toEqual({ byProduct: [], byLanguage: [], roundRobin: [] });
  });

  it("names rules pointing at non-members by path", () => {
    expect(ownerRuleProblems(rules, members).map((problem) => problem.path)).toEqual(["byProduct.1.userId", "roundRobin.2"]);
    expect(() => ownerRulesSchema.parse({ byLanguage: [{ language: "Portuguese", userId: ANA }] })).toThrow(/language code/);
  });
});
