// The benchmark's database: a throwaway database on the configured server (the
// embedded PostgreSQL under LEADBRIDGE_DATA_DIR by default, started if needed),
// migrated, published as DATABASE_URL for this process, dropped afterwards.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { disconnectDb } from "@/lib/db/client";
import { connectDatabaseServer } from "@/lib/db/database";
import { adminQuery, applyMigrations } from "@/lib/db/migrations";
import { publishDatabaseUrl } from "@/lib/env";

export type BenchDatabase = { url: string; client: pg.Client };

/** Runs `work` against a new, migrated database, then drops it. */
export async function withBenchDatabase<T>(work: (database: BenchDatabase) => Promise<T>): Promise<T> {
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
    return await work({ url: benchUrl, client });
  } finally {
    await client.end().catch(() => {});
    await disconnectDb();
    await adminQuery(server.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await server.release();
  }
}

/** The indexes and sequential scans an EXPLAIN's lines name. */
export function planScans(plan: readonly string[]): { indexes: string[]; seqScans: string[] } {
  const indexes = [...new Set(plan.flatMap((line) => [...line.matchAll(/(?:Index(?: Only)? Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1]!)))];
  const seqScans = [...new Set(plan.flatMap((line) => [...line.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!)))];
  return { indexes, seqScans };
}
