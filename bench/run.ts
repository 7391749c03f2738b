// `npm run bench [-- SCENARIO...] [--size small] [--no-build]`: measures the
// issue #15 scenarios (ingest, queue, dedup, extract, sync, funnel, memory) on
// this machine and prints one JSON object per scenario: the sizes, the figures,
// each target and whether it was met, the correctness checks, and the machine
// (cores, memory, load before and after). Everything it needs is started here
// (the embedded PostgreSQL, the production build on 127.0.0.1, the fake
// HubSpot) on data it generates, in throwaway databases. Builds first unless
// --no-build. Exits 1 when a scenario fails a check or cannot run; a missed
// target is reported, not an error. `--size small` runs everything in seconds
// (the test suite does).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BENCH_LOG_DIR } from "./support/app";
import { machine } from "./support/machine";
import type { Outcome, Scenario, Size } from "./support/scenario";
import { dedupScenario } from "./scenarios/dedup";
import { extractScenario } from "./scenarios/extract";
import { funnelScenario } from "./scenarios/funnel";
import { ingestScenario } from "./scenarios/ingest";
import { memoryScenario } from "./scenarios/memory";
import { queueScenario } from "./scenarios/queue";
import { syncScenario } from "./scenarios/sync";

const SCENARIOS: readonly Scenario[] = [ingestScenario, queueScenario, dedupScenario, extractScenario, syncScenario, funnelScenario, memoryScenario];
const NEEDS_BUILD = new Set(["ingest", "memory", "queue", "sync"]);
const USAGE = `usage: npm run bench -- [${SCENARIOS.map((scenario) => scenario.name).join("|")} ...] [--size full|small] [--no-build]`;

function parseArguments(argv: string[]): { names: string[]; size: Size; build: boolean } {
  const names: string[] = [];
  let size: Size = "full";
  let build = true;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === "--no-build") build = false;
    else if (argument === "--size") {
      const value = argv[++index];
      if (value !== "full" && value !== "small") throw new Error(USAGE);
      size = value;
    } else if (SCENARIOS.some((scenario) => scenario.name === argument)) names.push(argument);
    else throw new Error(`unknown argument ${argument}\n${USAGE}`);
  }
  return { names: names.length ? names : SCENARIOS.map((scenario) => scenario.name), size, build };
}

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);

let options;
try {
  options = parseArguments(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}

if (options.build && options.names.some((name) => NEEDS_BUILD.has(name))) {
  progress("building the production build (npm run build)");
  const built = spawnSync("npm", ["run", "-s", "build"], { stdio: ["ignore", process.stderr, process.stderr] });
  if (built.status !== 0) {
    progress("the build failed");
    process.exit(1);
  }
}

const startedAt = Date.now();
const earlier = new Map<string, Outcome>();
const results: unknown[] = [];
let failed = false;
for (const name of options.names) {
  const scenario = SCENARIOS.find((candidate) => candidate.name === name)!;
  const before = machine();
  const scenarioStart = Date.now();
  progress(`${name}: started (${options.size})`);
  let result: Record<string, unknown>;
  try {
    const outcome = await scenario.run(options.size, { earlier, progress });
    earlier.set(name, outcome);
    const passed = outcome.checks.every((item) => item.ok);
    failed ||= !passed;
    const { sizes, figures, targets, checks } = outcome;
    result = { scenario: name, size: options.size, target: scenario.target, targetsMet: Object.values(targets).every((item) => item.met), targets, checksPassed: passed, checks, sizes, figures };
  } catch (error) {
    failed = true;
    result = { scenario: name, size: options.size, target: scenario.target, error: (error as Error).stack ?? String(error) };
  }
  result.seconds = Math.round((Date.now() - scenarioStart) / 100) / 10;
  result.machine = { ...before, loadAverageAfter: machine().loadAverage };
  results.push(result);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
progress(`done in ${Math.round((Date.now() - startedAt) / 1000)} s`);
mkdirSync(BENCH_LOG_DIR, { recursive: true });
writeFileSync(path.join(BENCH_LOG_DIR, `latest-${options.size}.json`), `${JSON.stringify(results, null, 2)}\n`);
process.exit(failed ? 1 : 0);
