// What /api/ready and the admins' status strip report: the database reachable,
// every committed migration applied, the background engine (Inngest or our
// worker) reachable, and the outbox's depth and oldest due age. Ready means the
// database answers and is migrated; the engine and backlog are reported, since
// the outbox keeps work safe while no engine runs.
import { db } from "@/lib/db/client";
import { committedMigrationNames } from "@/lib/db/migration-files";
import { env, inngestConfigured } from "@/lib/env";

const CHECK_TIMEOUT_MS = 3000;

export type EngineStatus = {
  /** inngest: events go to Inngest; worker: our background worker process; none: only `jobs:drain` by hand or cron. */
  kind: "inngest" | "worker" | "none";
  /** null when it cannot be told from here (Inngest Cloud). */
  reachable: boolean | null;
};

export type Readiness = {
  ready: boolean;
  database: { ok: boolean; error?: string };
  migrations: { ok: boolean; pending: string[] };
  engine: EngineStatus;
  outbox: { depth: number; oldestDueAgeSeconds: number | null } | null;
};

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref())]);
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

/** The background engine this deployment uses, and whether it answers. */
export async function backgroundEngineStatus(): Promise<EngineStatus> {
  const config = env();
  if (inngestConfigured(config)) {
    const base = config.INNGEST_BASE_URL ?? (config.INNGEST_DEV ? "http://127.0.0.1:8288" : undefined);
    return { kind: "inngest", reachable: base ? await answers(base) : null };
  }
  if (config.WORKER_METRICS_URL) return { kind: "worker", reachable: await answers(config.WORKER_METRICS_URL) };
  return { kind: "none", reachable: false };
}

/** Background work not done yet, and how long the oldest due item has waited. */
export async function outboxBacklog(now = new Date(), workspaceId?: string): Promise<{ depth: number; oldestDueAgeSeconds: number | null }> {
  const scope = workspaceId ? { workspaceId } : {};
  const [depth, oldest] = await Promise.all([
    db().outboxItem.count({ where: { ...scope, status: { in: ["pending", "claimed"] } } }),
    db().outboxItem.aggregate({ where: { ...scope, status: "pending", availableAt: { lte: now } }, _min: { availableAt: true } }),
  ]);
  const due = oldest._min.availableAt;
  return { depth, oldestDueAgeSeconds: due ? Math.floor((now.getTime() - due.getTime()) / 1000) : null };
}

export async function checkReadiness(now = new Date()): Promise<Readiness> {
  const engine = backgroundEngineStatus();
  try {
    await withTimeout(db().$queryRaw`SELECT 1`, "the database");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      ready: false,
      database: { ok: false, error: typeof code === "string" ? code : (error as Error).name },
      migrations: { ok: false, pending: [] },
      engine: await engine,
      outbox: null,
    };
  }
  const [committed, applied, outbox] = await Promise.all([
    committedMigrationNames(),
    db()
      .$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
      .catch(() => [] as { migration_name: string }[]),
    // Null until the outbox table exists (a database not migrated yet).
    outboxBacklog(now).catch(() => null),
  ]);
  const done = new Set(applied.map((row) => row.migration_name));
  const pending = committed.filter((name) => !done.has(name));
  return {
    ready: pending.length === 0 && committed.length > 0,
    database: { ok: true },
    migrations: { ok: pending.length === 0 && committed.length > 0, pending },
    engine: await engine,
    outbox,
  };
}
