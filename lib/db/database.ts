// Resolves the database every entry point uses: DATABASE_URL when set (nothing
// is started), else the embedded PostgreSQL under LEADBRIDGE_DATA_DIR. Migrates
// it, and publishes its URL so the Prisma client and child processes find it.
import path from "node:path";
import { env, publishDatabaseUrl } from "@/lib/env";
import { ensureEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations, ensureDatabaseExists } from "./migrations";

export const EMBEDDED_DATABASE_NAME = "leadbridge";

export type PreparedDatabase = {
  url: string;
  embedded: boolean;
  appliedMigrations: string[];
  /** Stops the embedded server if this process started it. */
  release(): Promise<void>;
};

/** The database server to use, started if it is the embedded one, without migrating. */
export async function connectDatabaseServer(log: (line: string) => void = () => {}): Promise<Omit<PreparedDatabase, "appliedMigrations">> {
  const config = env();
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, release: async () => {} };
  }
  const cluster = await ensureEmbeddedPostgres({
    // Absolute: the web server makes .next/standalone the working directory once it starts.
    clusterDir: path.resolve(config.LEADBRIDGE_DATA_DIR, "postgres"),
    port: config.EMBEDDED_POSTGRES_PORT,
    log,
  });
  const url = `${cluster.serverUrl}/${EMBEDDED_DATABASE_NAME}`;
  await ensureDatabaseExists(url);
  return { url, embedded: true, release: () => cluster.stop() };
}

/**
 * Connects (starting the embedded server if needed), applies migrations unless
 * told not to (a release that migrates as its own step), publishes DATABASE_URL.
 */
export async function prepareDatabase(log: (line: string) => void = () => {}, options: { migrate?: boolean } = {}): Promise<PreparedDatabase> {
  const server = await connectDatabaseServer(log);
  try {
    const appliedMigrations = options.migrate === false ? [] : await applyMigrations(server.url);
    publishDatabaseUrl(server.url);
    return { ...server, appliedMigrations };
  } catch (error) {
    await server.release();
    throw error;
  }
}
