// memory: the peak resident memory of the app (the launcher's process tree: one
// process since docs/decisions/0022, its web server and background worker being
// threads of it) during the ingest run. Reads the
// ingest scenario's measurement when it ran in the same invocation, else runs it.
import { runIngest } from "./ingest";
import { below, type Scenario } from "../support/scenario";

const BOUND_MB = 512;

export const memoryScenario: Scenario = {
  name: "memory",
  target: "peak RSS of the app during the ingest run < 512 MB",
  async run(size, context) {
    const ingest = (context.earlier.get("ingest") as Awaited<ReturnType<typeof runIngest>> | undefined) ?? (await runIngest(size, context.progress));
    const peakMb = ingest.memory.reduce((sum, process) => sum + process.peakRssMb, 0);
    return {
      sizes: ingest.sizes,
      figures: { peakRssMb: peakMb, processes: ingest.memory, measuredIn: context.earlier.has("ingest") ? "this invocation's ingest run" : "its own ingest run" },
      targets: { peakRssMb: below(peakMb, BOUND_MB, "MB") },
      checks: ingest.checks,
    };
  },
};
