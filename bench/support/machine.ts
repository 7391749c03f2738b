// The machine a figure was measured on: cores, memory, Node, and how busy it
// was (load averages) — on a shared machine the figures mean little without it.
import os from "node:os";

export type Machine = { cores: number; cpu: string; memoryGb: number; node: string; loadAverage: number[] };

export function machine(): Machine {
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}
