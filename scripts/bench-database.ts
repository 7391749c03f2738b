// What the benchmarks share: their arguments, a throwaway database on the
// configured server (the embedded one by default) with the migrations applied
// and published to the app's code, dropped afterwards, and the statistics they
// print. A benchmark is a figure to read, never a timed test.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { disconnectDb } from "@/lib/db/client";
import { connectDatabaseServer } from "@/lib/db/database";
import { adminQuery, applyMigrations } from "@/lib/db/migrations";
import { env, publishDatabaseUrl } from "@/lib/env";
import { UsageError } from "./cli";

/** `--name N` from the command line: a positive integer, else `fallback`. */
export function intArgument(name: string, fallback: number, usage: string): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(usage);
  return value;
}

/** The value at fraction `p` (0..1) of the sorted values (nearest rank). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `work` against a new, migrated database (also published as the app's DATABASE_URL), then drops it. */
export async function withBenchDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const configured = env().DATABASE_URL;
  const server = await connectDatabaseServer();
  const name = `leadbridge_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const benchUrl = url.toString();
  await adminQuery(benchUrl, `CREATE DATABASE "${name}"`);
  const client = new pg.Client({ connectionString: benchUrl });
  try {
    await applyMigrations(benchUrl);
    publishDatabaseUrl(benchUrl);
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => {});
    await disconnectDb();
    await adminQuery(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await server.release();
    // The next benchmark in this process connects as configured, not to this dropped database.
    publishDatabaseUrl(configured);
  }
}

/** The indexes and sequential scans in an EXPLAIN's lines. */
export function planScans(plan: string[]): { indexes: string[]; seqScans: string[] } {
  const indexes = [...new Set(plan.flatMap((line) => [...line.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1]!)))];
  const seqScans = [...new Set(plan.flatMap((line) => [...line.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!)))];
  return { indexes, seqScans };
}
