// What every benchmark scenario is: a name, the target in words, and a
// run that measures at a size and answers its figures, whether each target was
// met, and the correctness checks (counts, no loss, no duplicates) that make
// the figures mean something. A failed check fails the benchmark; a missed
// target does not (it is reported).
import { spawn } from "node:child_process";

export type Size = "full" | "small";

export type Check = { check: string; ok: boolean; detail?: unknown };

export type Outcome = {
  /** The stated sizes this run used (rows generated, seconds of load...). */
  sizes: Record<string, number | string>;
  figures: Record<string, unknown>;
  /** Each target's figure against its bound. */
  targets: Record<string, { bound: string; value: number | null; met: boolean }>;
  checks: Check[];
};

export type Scenario = {
  name: string;
  /** The target, as stated. */
  target: string;
  run(size: Size, context: RunContext): Promise<Outcome>;
};

export type RunContext = {
  /** Outcomes of scenarios already run in this invocation (the memory scenario reads ingest's). */
  earlier: Map<string, Outcome>;
  progress(line: string): void;
};

export const atMost = (value: number | null, bound: number, unit: string) => ({ bound: `<= ${bound} ${unit}`.trim(), value, met: value !== null && Number.isFinite(value) && value <= bound });
export const below = (value: number | null, bound: number, unit: string) => ({ bound: `< ${bound} ${unit}`.trim(), value, met: value !== null && Number.isFinite(value) && value < bound });
export const atLeast = (value: number | null, bound: number, unit: string) => ({ bound: `>= ${bound} ${unit}`.trim(), value, met: value !== null && Number.isFinite(value) && value >= bound });

export const check = (name: string, ok: boolean, detail?: unknown): Check => (detail === undefined ? { check: name, ok } : { check: name, ok, detail });

/** Runs a TypeScript file of the benchmark in its own Node process and parses the JSON line it prints. */
export function runProcess<T>(file: string, argument: unknown, options: { timeoutMs: number }): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn("node_modules/.bin/tsx", [file, JSON.stringify(argument)], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${file} exited with ${code ?? signal}: ${stderr.trim().slice(-500)}`));
      try {
        resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as T);
      } catch {
        reject(new Error(`${file} printed no JSON result: ${stdout.slice(-300)} ${stderr.slice(-300)}`));
      }
    });
  });
}
