// funnel: the managers' funnel at 100,000 conversations, measured by the
// funnel's own benchmark (scripts/bench-funnel.ts benchFunnel, also
// `npm run -s bench:funnel`, kept by the funnel's engineers beside their
// query): it seeds a throwaway database, times funnelReport per period and
// breakdown, the queue's funnel drill-down and a write with its outcome
// refresh. Every funnel and drill-down case's p95 is held against the target
// (the API route adds its HTTP share on top of these in-process figures).
import { benchFunnel } from "@/scripts/bench-funnel";
import { below, check, type Outcome, type Scenario, type Size } from "../support/scenario";

const SIZES: Record<Size, { conversations: number; runs: number }> = {
  full: { conversations: 100_000, runs: 30 },
  small: { conversations: 2_000, runs: 3 },
};
const BOUND_MS = 100;

export const funnelScenario: Scenario = {
  name: "funnel",
  target: "the funnel API at 100,000 conversations: p95 < 100 ms",
  async run(size, { progress }): Promise<Outcome> {
    const sizes = SIZES[size];
    const result = await benchFunnel({ conversations: sizes.conversations, runs: sizes.runs, progress: (line) => progress(`funnel: ${line}`) });
    // Reads only: the write cases time something else (a write and its refresh).
    const reads = result.cases.filter((row) => !/write/i.test(row.case));
    const worst = reads.reduce((max, row) => Math.max(max, row.p95Ms), 0);
    return {
      sizes: { ...result.seeded, runsPerCase: sizes.runs, seedMs: result.seedMs, backfillMs: result.backfillMs },
      figures: { worstP95Ms: worst, casesOverBound: reads.filter((row) => !(row.p95Ms < BOUND_MS)).map((row) => row.case), cases: result.cases, load: result.load },
      targets: { everyCaseP95: below(worst, BOUND_MS, "ms") },
      checks: [check("the funnel benchmark timed its cases", reads.length > 0 && reads.every((row) => Number.isFinite(row.p95Ms)))],
    };
  },
};
