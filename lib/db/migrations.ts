// Migrations, offline: drives Prisma's schema engine in its WASM build (the
// native binary cannot be downloaded here) with the pg driver adapter. Applying
// writes `_prisma_migrations` exactly as `prisma migrate deploy` does, so the
// real CLI reads the same history wherever it can run.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { committedMigrationNames, MIGRATIONS_DIR } from "./migration-files";


export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
const NO_FILTER = { externalTables: [], externalEnums: [] };

let wasmLoaded: Promise<void> | undefined;

/** Instantiates the engine's WASM once per process (Node cannot import .wasm without a flag). */
function loadWasm(): Promise<void> {
  wasmLoaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmFile), {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    const bindings = engineBindings as unknown as { __wbg_set_wasm(exports: WebAssembly.Exports): void };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return wasmLoaded;
}

function connectionConfig(databaseUrl: string): pg.PoolConfig {
  // Separate fields, not a connection string: the adapter's shadow database
  // replaces `database`, which a connection string would silently override.
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}

/**
 * The pg adapter, with the repairs the schema engine needs here:
 * - the adapter runs a migration script by splitting it at every `;`, which
 *   breaks a function body (`$$ ... ; ... $$`): send the script whole in one
 *   simple query, as the native engine does;
 * - the adapter cannot map PostgreSQL's internal `"char"` type (OID 18), which
 *   catalog queries return during introspection: read it as text and report it
 *   to the engine as a character column;
 * - its shadow database (replayed migrations, for a diff) is dropped while still
 *   connected, which fails and leaves it behind; close the pool first;
 * - the engine does not close its connections when freed: `opened` collects
 *   them so the caller can (a database in use cannot be cloned or dropped).
 */
function adapterFactory(config: pg.PoolConfig, opened: { dispose(): Promise<void> }[]): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg(config);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      const adapter = runScriptsWhole(readCharAsText(await main.connect()));
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const shadow = runScriptsWhole(readCharAsText(await main.connectToShadowDb()));
      const pool = (shadow as unknown as { client: pg.Pool }).client;
      const name = pool.options.database!;
      shadow.dispose = async () => {
        await pool.end();
        await adminQuery(config, `DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
      };
      return shadow;
    },
  };
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = ColumnTypeEnum.Character;
const charColumns = Symbol("charColumns");

type RowsWithCharColumns = unknown[] & { [charColumns]?: number[] };

function readCharAsText<T extends object>(adapter: T): T {
  const queryable = adapter as unknown as {
    performIO(query: unknown): Promise<pg.QueryResult>;
    queryRaw(query: unknown): Promise<{ columnTypes: number[]; rows: RowsWithCharColumns }>;
  };
  const performIO = queryable.performIO.bind(adapter);
  const queryRaw = queryable.queryRaw.bind(adapter);
  // Let the adapter read the column as text, then tell the engine it is a char.
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = result.fields.flatMap((field, index) => (field.dataTypeID === PG_CHAR_OID ? [index] : []));
    for (const index of indexes) result.fields[index]!.dataTypeID = PG_TEXT_OID;
    if (indexes.length > 0) Object.defineProperty(result.rows, charColumns, { value: indexes });
    return result;
  };
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of result.rows[charColumns] ?? []) result.columnTypes[index] = CHARACTER_COLUMN;
    return result;
  };
  return adapter;
}

function runScriptsWhole<T extends object>(adapter: T): T {
  const scriptable = adapter as unknown as { executeScript(script: string): Promise<void>; underlyingDriver(): pg.Pool; onError(error: unknown): never };
  scriptable.executeScript = async (script) => {
    try {
      await scriptable.underlyingDriver().query(script);
    } catch (error) {
      scriptable.onError(error);
    }
  };
  return adapter;
}

/** Runs one statement on the server's maintenance database (create/drop databases). */
export async function adminQuery(server: pg.PoolConfig | string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const config = typeof server === "string" ? connectionConfig(server) : server;
  const client = new pg.Client({ ...config, database: "postgres" });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function withEngine<T>(databaseUrl: string, work: (engine: SchemaEngine, schema: string) => Promise<T>): Promise<T> {
  await loadWasm();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const opened: { dispose(): Promise<void> }[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory(connectionConfig(databaseUrl), opened));
  const { SchemaEngine: Engine } = engineBindings as unknown as { SchemaEngine: typeof SchemaEngine };
  const engine = await Engine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, adapter);
  try {
    return await work(engine, schema);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((connection) => connection.dispose()));
  }
}

async function readMigrationList(): Promise<MigrationList> {
  const names = await committedMigrationNames();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  // Paths relative to baseDir, as the Prisma CLI passes them: the engine records
  // `path` as the migration's name, which must not depend on where the checkout lives.
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => {
        const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
        return {
          path: name,
          migrationFile: {
            path: "migration.sql",
            content: existsSync(file) ? { tag: "ok" as const, value: await readFile(file, "utf8") } : { tag: "error" as const, value: "migration.sql is missing" },
          },
        };
      }),
    ),
  };
}

/** Creates the database named in the URL when the server lacks it. */
export async function ensureDatabaseExists(databaseUrl: string): Promise<void> {
  const config = connectionConfig(databaseUrl);
  const found = await adminQuery(config, "SELECT 1 FROM pg_database WHERE datname = $1", [config.database]);
  if (found.rowCount === 0) {
    await adminQuery(config, `CREATE DATABASE "${config.database!.replaceAll('"', '""')}"`).catch((error: { code?: string }) => {
      if (error.code !== "42P04") throw error; // created meanwhile by another process
    });
  }
}

/**
 * Earlier versions recorded each migration under its absolute path (so a moved
 * checkout or a release built elsewhere saw every migration as new): keep only
 * the folder name, as `prisma migrate deploy` records it.
 */
async function repairMigrationNames(databaseUrl: string): Promise<void> {
  const client = new pg.Client(connectionConfig(databaseUrl));
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF to_regclass('_prisma_migrations') IS NOT NULL THEN
        UPDATE _prisma_migrations SET migration_name = regexp_replace(migration_name, '^.*/', '') WHERE migration_name LIKE '%/%';
      END IF;
    END $$`);
  } finally {
    await client.end();
  }
}

/** Applies every committed migration not yet applied. Returns the names it applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  await repairMigrationNames(databaseUrl);
  const migrationsList = await readMigrationList();
  const result = await withEngine(databaseUrl, (engine) => engine.applyMigrations({ migrationsList, filters: NO_FILTER }));
  return result.appliedMigrationNames;
}

/**
 * The SQL that takes the committed migrations to prisma/schema.prisma; empty
 * when they match. Replays the migrations on a throwaway shadow database.
 */
export async function pendingSchemaChanges(databaseUrl: string): Promise<string> {
  const migrationsList = await readMigrationList();
  const sql = await withEngine(databaseUrl, async (engine, schema) => {
    const from = migrationsList.migrationDirectories.length === 0 ? { tag: "empty" as const } : { tag: "migrations" as const, ...migrationsList };
    const diff = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return diff.stdout ?? "";
  });
  return /\b(CREATE|ALTER|DROP)\b/.test(sql) ? sql : "";
}

/** Writes prisma/migrations/<stamp>_<name>/migration.sql; undefined when the schema has not changed. */
export async function createMigration(databaseUrl: string, name: string): Promise<string | undefined> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!slug) throw new Error("A migration needs a name, e.g. `add_contact_notes`");
  const sql = await pendingSchemaChanges(databaseUrl);
  if (!sql) return undefined;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${slug}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lockPath)) {
    await writeFile(lockPath, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  return dir;
}
