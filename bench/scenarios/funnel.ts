// funnel: the managers' funnel at 100,000 conversations, measured by the
// funnel's own benchmark (scripts/bench-funnel.ts, `npm run -s bench:funnel`,
// kept by the funnel's engineers beside their query), run here as a child
// process at the stated size; its table is read back into figures and every
// case's p95 is held against the target. It times funnelReport and the queue's
// funnel drill-down in-process (the API route adds its HTTP share on top).
import { spawn } from "node:child_process";
import { below, check, type Outcome, type Scenario, type Size } from "../support/scenario";

const SIZES: Record<Size, { conversations: number; runs: number }> = {
  full: { conversations: 100_000, runs: 30 },
  small: { conversations: 2_000, runs: 3 },
};
const BOUND_MS = 100;

/** The rows of a console.table printed by the child: one object per row, keyed by the header. */
export function readConsoleTable(text: string): Record<string, string>[] {
  const lines = text.split("\n").filter((line) => line.startsWith("│"));
  const cells = (line: string) => line.split("│").slice(1, -1).map((cell) => cell.trim().replace(/^'(.*)'$/, "$1"));
  const [header, ...rows] = lines.map(cells);
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ""])));
}

function runFunnelBenchmark(conversations: number, runs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["scripts/run.mjs", "bench-funnel", "--conversations", String(conversations), "--runs", String(runs)], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 10 * 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`bench:funnel exited with ${code}: ${stderr.trim().slice(-500)}`));
    });
  });
}

export const funnelScenario: Scenario = {
  name: "funnel",
  target: "the funnel API at 100,000 conversations: p95 < 100 ms",
  async run(size, { progress }): Promise<Outcome> {
    const sizes = SIZES[size];
    progress(`funnel: npm run -s bench:funnel -- --conversations ${sizes.conversations} --runs ${sizes.runs}`);
    const { stdout, stderr } = await runFunnelBenchmark(sizes.conversations, sizes.runs);
    const cases = readConsoleTable(stdout).map((row) => ({ case: row.case, cohortOrRows: Number(row.cohort || row.rows), p50Ms: Number(row["p50 ms"]), p95Ms: Number(row["p95 ms"]), maxMs: Number(row["max ms"]), indexes: row.indexes }));
    const worst = cases.reduce((max, row) => Math.max(max, row.p95Ms), 0);
    return {
      sizes: { conversations: sizes.conversations, runsPerCase: sizes.runs },
      figures: { worstP95Ms: worst, casesOverBound: cases.filter((row) => !(row.p95Ms < BOUND_MS)).map((row) => row.case), cases, seeded: stderr.split("\n").find((line) => line.startsWith("seeded")) ?? null },
      targets: { everyCaseP95: below(worst, BOUND_MS, "ms") },
      checks: [check("the funnel benchmark printed its cases", cases.length > 0 && cases.every((row) => Number.isFinite(row.p95Ms)), cases.length ? undefined : stdout.slice(-300))],
    };
  },
};
