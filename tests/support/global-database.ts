// Integration tests' database server: DATABASE_URL's server when set, else an
// embedded PostgreSQL of their own (separate from the app's). Migrates a
// template database once; each test file clones it (tests/support/file-database.ts).
import path from "node:path";
import type { TestProject } from "vitest/node";
import { EmbeddedPostgresError, ensureEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations, ensureDatabaseExists, adminQuery } from "@/lib/db/migrations";
import { env } from "@/lib/env";

export const TEMPLATE_DATABASE = "leadbridge_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const config = env();
  let serverUrl: string;
  let stop = async () => {};
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    url.pathname = "";
    serverUrl = url.toString().replace(/\/$/, "");
  } else {
    const cluster = await ensureEmbeddedPostgres({
      clusterDir: path.join(config.LEADBRIDGE_DATA_DIR, "test-postgres"),
      port: config.EMBEDDED_POSTGRES_PORT + 10,
    }).catch((error: unknown) => {
      // One clear sentence, not a stack trace: the message names the cause and the fixes.
      if (!(error instanceof EmbeddedPostgresError)) throw error;
      process.stderr.write(`\nThe integration tests' database cannot start. ${error.message}\n\n`);
      process.exit(1);
    });
    serverUrl = cluster.serverUrl;
    stop = cluster.stop;
  }
  const templateUrl = `${serverUrl}/${TEMPLATE_DATABASE}`;
  // Rebuilt every run so a changed migration is always what the tests see.
  await adminQuery(templateUrl, `DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await ensureDatabaseExists(templateUrl);
  await applyMigrations(templateUrl);
  project.provide("testDatabaseServerUrl", serverUrl);
  return async () => {
    await stop();
    // embedded-postgres's exit hook (async-exit-hook) answers 'beforeExit' with
    // process.exit(0), which replaces the failing exit code vitest sets when a test
    // fails: a red run would exit 0. An exit without a code of its own keeps vitest's.
    const exit = process.exit.bind(process);
    process.exit = ((code?: number | string | null) => exit(code || process.exitCode)) as typeof process.exit;
  };
}
