// The regression gate: the embedded extractor keeps the per-field accuracy it
// reaches on the shared fixtures and on this project's evaluation set
// (tests/extraction/conversations, see its README). A rule change that loses a
// conversation fails here with the misses listed; raise the figures when a
// change gains.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractWithRules } from "./embedded-provider";
import { evaluate, type EvaluationReport } from "./evaluation";
import { EVALUATION_DIRECTORIES, loadLabelledConversations } from "./evaluation-set";

const root = path.resolve(import.meta.dirname, "../..");

/** The figures reached (fractions), per directory. */
const GATES: Record<keyof typeof EVALUATION_DIRECTORIES, { conversations: number; fields: EvaluationReport["fieldAccuracy"]; qualifies: number }> = {
  fixtures: { conversations: 24, fields: { name: 1, email: 1, phone: 1, company: 1, product_interest: 1, urgency_level: 1 }, qualifies: 1 },
  evaluationSet: { conversations: 167, fields: { name: 1, email: 1, phone: 1, company: 1, product_interest: 1, urgency_level: 0.994 }, qualifies: 1 },
};

// Extracting a few hundred conversations takes seconds on a loaded machine: no wall-clock limit is meant here.
describe("extraction regression gate", { timeout: 120_000 }, () => {
  it.each(Object.entries(EVALUATION_DIRECTORIES) as Array<[keyof typeof EVALUATION_DIRECTORIES, string]>)("%s keeps its figures", async (set, directory) => {
    const { conversations, skipped } = await loadLabelledConversations(path.resolve(root, directory));
    expect(skipped).toEqual([]);
    const gate = GATES[set];
    expect(conversations.length).toBe(gate.conversations);
    const report = evaluate(conversations.map(({ input, expected }) => ({ result: extractWithRules(input), expected })));
    const below = Object.entries(gate.fields).filter(([field, minimum]) => report.fieldAccuracy[field as keyof typeof gate.fields] < minimum - 1e-9);
    expect({ below, misses: below.length > 0 ? report.misses : [] }).toEqual({ below: [], misses: [] });
    expect(report.qualifies.accuracy).toBeGreaterThanOrEqual(gate.qualifies - 1e-9);
  });
});
