// `npm run -s bench:funnel [-- --conversations N --runs R]`: how fast the
// managers' funnel (lib/funnel funnelReport, and the queue filtered to one of
// its outcomes) answers at scale. On a throwaway database it bulk-inserts N
// conversations (default 100,000) spread over the last year, with proposals in
// every status, reviews, syncs, follow-ups and their due work, corrections,
// opt-outs, owners and two WhatsApp numbers, plus a second workspace (with the
// funnel_outcomes triggers off, then filled by the migration's backfill, which
// is timed); ANALYZEs; times each case R times (default 30) and prints
// p50/p95/max in ms, the cohort's size, and the indexes the plan uses; times
// single-row writes that refresh a stored outcome; then drops the database.
// The machine's load average is printed beside the figures: on a shared
// machine the wall-clock times grow with it.
//
// `benchFunnel` is the entry other benchmarks call (npm run bench's funnel
// scenario); scripts/run.mjs calls `main` when run as a tool.
import { randomUUID } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import type pg from "pg";
import { FUNNEL_OUTCOMES_BACKFILL_SQL } from "@/bench/data/derived-rows";
import { funnelAggregateStatements, funnelReport } from "@/lib/funnel/queries";
import { periodBounds, presetPeriod, todayIn, type FunnelGroupBy, type FunnelPeriod } from "@/lib/funnel/period";
import { listQueue } from "@/lib/leads/queue";
import { intArgument, percentile, planScans, withBenchDatabase } from "./bench-database";
import { runCli } from "./cli";

const USAGE = "usage: npm run -s bench:funnel -- [--conversations N] [--runs R]";

const SEED_SQL = (workspaceId: string, otherWorkspaceId: string, count: number) => `
INSERT INTO workspaces (id, name, slug, default_country, timezone, updated_at) VALUES
  ('${workspaceId}', 'Bench', 'bench', 'BR', 'America/Sao_Paulo', now()), ('${otherWorkspaceId}', 'Other', 'other', 'MX', 'UTC', now());
INSERT INTO whatsapp_numbers (id, workspace_id, phone_number_id, display_phone_number) VALUES
  (gen_random_uuid(), '${workspaceId}', '900000000000001', '551140001234'), (gen_random_uuid(), '${workspaceId}', '900000000000002', '551140005678');
INSERT INTO users (id, email, password_hash, updated_at)
SELECT gen_random_uuid(), 'owner' || i || '@bench.test', 'x', now() FROM generate_series(1, 5) AS i;

-- Spread evenly over the last 365 days: about 274 conversations a day.
INSERT INTO conversations (id, workspace_id, source, whatsapp_phone_number_id, contact_wa_id, contact_profile_name, language, first_message_at, last_message_at, message_count, updated_at)
SELECT gen_random_uuid(), CASE WHEN i <= ${count} THEN '${workspaceId}'::uuid ELSE '${otherWorkspaceId}'::uuid END,
       CASE WHEN i % 2 = 0 THEN 'webhook' ELSE 'import' END,
       CASE WHEN i % 2 = 0 THEN (ARRAY['900000000000001','900000000000002'])[1 + i % 3 / 2] END,
       '55119' || lpad(i::text, 8, '0'), 'Prospect ' || i, (ARRAY['pt','es','en','hi','de','fr'])[1 + i % 6],
       now() - (i::float8 / ${count}) * interval '365 days', now() - (i::float8 / ${count}) * interval '365 days' + interval '20 minutes', 6, now()
FROM generate_series(1, ${count + Math.ceil(count / 20)}) AS i;

-- 90% have a proposal: pending 3%, insufficient 15%, failed 3%, proposed 10%, rejected 7%, approved/merged 62%.
INSERT INTO lead_proposals (id, workspace_id, conversation_id, status, name, email, email_normalized, phone_e164, product_interest, urgency_level,
                            qualifies, failure_reason, extracted_at, reviewed_at, reviewed_by, reject_reason, owner_id, sync_status, synced_at, updated_at)
SELECT gen_random_uuid(), c.workspace_id, c.id, s.status,
       CASE WHEN s.status = 'insufficient' AND n % 2 = 0 THEN NULL ELSE 'Lead ' || n END,
       'lead' || n || '@example.com', 'lead' || n || '@example.com', '+55119' || lpad(n::text, 8, '0'),
       (ARRAY['Solar Kit','Battery','Inverter','Maintenance','Consulting'])[1 + (n / 7) % 5],
       (ARRAY['low','medium','high'])[1 + n % 3],
       s.status NOT IN ('insufficient', 'failed', 'pending'),
       CASE WHEN s.status = 'failed' THEN 'provider error' END,
       CASE WHEN s.status <> 'pending' THEN c.first_message_at + (5 + n % 300) * interval '1 minute' END,
       CASE WHEN s.status IN ('approved', 'merged', 'rejected') THEN c.first_message_at + (1 + n % 48) * interval '1 hour' END,
       CASE WHEN s.status IN ('approved', 'merged', 'rejected') THEN 'reviewer' || (n % 4) || '@bench.test' END,
       CASE WHEN s.status = 'rejected' THEN (ARRAY['spam','not_a_lead','duplicate','wrong_number','other'])[1 + n % 5] END,
       CASE WHEN n % 3 > 0 THEN (SELECT id FROM users ORDER BY email OFFSET n % 5 LIMIT 1) END,
       s.sync,
       CASE WHEN s.sync = 'synced' THEN c.first_message_at + (2 + n % 48) * interval '1 hour' END,
       now()
FROM (SELECT c.*, substr(c.contact_wa_id, 6)::int AS n FROM conversations c) c
CROSS JOIN LATERAL (SELECT (c.n * 37) % 100 AS b) bucket
CROSS JOIN LATERAL (SELECT
  CASE WHEN b < 3 THEN 'pending' WHEN b < 18 THEN 'insufficient' WHEN b < 21 THEN 'failed' WHEN b < 31 THEN 'proposed'
       WHEN b < 38 THEN 'rejected' WHEN b < 90 THEN 'approved' ELSE 'merged' END AS status,
  CASE WHEN b < 38 THEN 'none' WHEN b < 41 THEN 'failed' WHEN b < 43 THEN 'queued' ELSE 'synced' END AS sync) s
WHERE c.n % 10 <> 0;

-- Follow-ups of synced leads: done 50%, scheduled 20% (a sixth of them failed), cancelled 15%, none 15%.
INSERT INTO follow_ups (id, workspace_id, conversation_id, due_at, timezone, channel, reason, status, done_at, updated_at)
SELECT gen_random_uuid(), p.workspace_id, p.conversation_id, p.synced_at + interval '1 day', 'America/Sao_Paulo', 'whatsapp', 'bench',
       f.status, CASE WHEN f.status = 'done' THEN p.synced_at + interval '1 day' END, now()
FROM (SELECT p.*, substr(c.contact_wa_id, 6)::int AS n FROM lead_proposals p JOIN conversations c ON c.id = p.conversation_id WHERE p.sync_status = 'synced') p
CROSS JOIN LATERAL (SELECT CASE WHEN n % 20 < 10 THEN 'done' WHEN n % 20 < 14 THEN 'scheduled' WHEN n % 20 < 17 THEN 'cancelled' END AS status) f
WHERE f.status IS NOT NULL;

INSERT INTO outbox_items (id, workspace_id, kind, payload, dedupe_key, status, available_at)
SELECT gen_random_uuid(), f.workspace_id, 'follow_up_due', jsonb_build_object('followUpId', f.id), f.id::text,
       CASE WHEN row_number() OVER (ORDER BY f.id) % 6 = 0 THEN 'failed' ELSE 'pending' END, f.due_at
FROM follow_ups f WHERE f.status = 'scheduled';

-- Reviewers corrected a field on a fifth of the approved leads.
INSERT INTO lead_corrections (id, workspace_id, lead_proposal_id, field, extracted_value, approved_value)
SELECT gen_random_uuid(), p.workspace_id, p.id, (ARRAY['name','email','phone','company','product_interest','urgency_level'])[1 + n % 6], 'x', 'y'
FROM (SELECT p.*, substr(c.contact_wa_id, 6)::int AS n FROM lead_proposals p JOIN conversations c ON c.id = p.conversation_id WHERE p.status IN ('approved', 'merged')) p
WHERE n % 5 = 0;

INSERT INTO opt_outs (id, workspace_id, wa_id)
SELECT gen_random_uuid(), workspace_id, contact_wa_id FROM conversations WHERE substr(contact_wa_id, 6)::int % 50 = 1;

`;

/** What the migration `funnel_outcomes` runs on an existing database. */

type Case = { label: string; period: FunnelPeriod; groupBy?: FunnelGroupBy; queue?: "rejected_spam" | "no_name" };

export type FunnelBenchOptions = { conversations: number; runs: number; progress?: (line: string) => void };

/** One timed case: the funnel for a period (and breakdown), the queue drill-down, or a write. */
export type FunnelBenchCase = {
  case: string;
  /** Conversations in the cohort (funnel cases), rows answered (queue), writes timed (write cases). */
  size: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Indexes and sequential scans of the funnel statement's plan (funnel cases only). */
  indexes: string[];
  seqScans: string[];
};

export type FunnelBenchResult = {
  seeded: { conversations: number; proposals: number; follow_ups: number; corrections: number };
  seedMs: number;
  /** The migration's backfill of funnel_outcomes over every seeded conversation. */
  backfillMs: number;
  cases: FunnelBenchCase[];
  /** Load average (1, 5, 15 min) before seeding and after the last case, and the CPUs. */
  load: { before: number[]; after: number[]; cpus: number };
};

const round = (ms: number) => Number(ms.toFixed(1));

async function timeRuns(runs: number, run: () => Promise<number>): Promise<{ size: number; times: number[] }> {
  let size = await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startedAt = performance.now();
    size = await run();
    times.push(performance.now() - startedAt);
  }
  return { size, times };
}

const timing = (times: number[]) => ({ p50Ms: round(percentile(times, 0.5)), p95Ms: round(percentile(times, 0.95)), maxMs: round(Math.max(...times)) });

/** Seeds a throwaway database with `conversations` and times every case `runs` times; drops it after. */
export async function benchFunnel({ conversations: count, runs, progress = () => {} }: FunnelBenchOptions): Promise<FunnelBenchResult> {
  const loadBefore = loadavg();
  return withBenchDatabase(async (client: pg.Client) => {
    const workspaceId = randomUUID();
    const seedStart = performance.now();
    // Bulk seeding with the triggers off (one refresh per row would dominate), then the migration's backfill.
    await client.query(`SET session_replication_role = replica; ${SEED_SQL(workspaceId, randomUUID(), count)} RESET session_replication_role;`);
    const seedMs = performance.now() - seedStart;
    const backfillStart = performance.now();
    await client.query(FUNNEL_OUTCOMES_BACKFILL_SQL);
    const backfillMs = performance.now() - backfillStart;
    await client.query("ANALYZE");
    const seeded = await client.query<FunnelBenchResult["seeded"]>(
      `SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS conversations, (SELECT count(*)::int FROM lead_proposals WHERE workspace_id = $1) AS proposals,
              (SELECT count(*)::int FROM follow_ups WHERE workspace_id = $1) AS follow_ups, (SELECT count(*)::int FROM lead_corrections WHERE workspace_id = $1) AS corrections`,
      [workspaceId],
    );
    progress(`seeded ${JSON.stringify(seeded.rows[0])} in ${Math.round(seedMs)} ms, backfilled funnel_outcomes in ${Math.round(backfillMs)} ms; timing ${runs} runs per case; load average ${loadavg()[0]!.toFixed(1)}`);

    const today = todayIn("America/Sao_Paulo");
    const lastYear = { from: new Date(Date.parse(today) - 365 * 86_400_000).toISOString().slice(0, 10), to: today };
    const cases: Case[] = [
      { label: "last 7 days", period: presetPeriod("last_7_days", today) },
      { label: "last 30 days", period: presetPeriod("last_30_days", today) },
      { label: "last 30 days by owner", period: presetPeriod("last_30_days", today), groupBy: "owner" },
      { label: "last 30 days by source", period: presetPeriod("last_30_days", today), groupBy: "source" },
      { label: "last 90 days", period: presetPeriod("last_90_days", today) },
      { label: "last 90 days by product", period: presetPeriod("last_90_days", today), groupBy: "product" },
      { label: "whole year (every conversation)", period: lastYear },
      { label: "whole year by reviewer", period: lastYear, groupBy: "reviewer" },
      { label: "queue: funnel=rejected_spam, last 30 days", period: presetPeriod("last_30_days", today), queue: "rejected_spam" },
      { label: "queue: funnel=no_name, last 90 days", period: presetPeriod("last_90_days", today), queue: "no_name" },
    ];

    const results: FunnelBenchCase[] = [];
    for (const { label, period, groupBy, queue } of cases) {
      const { start, end } = periodBounds(period, "America/Sao_Paulo");
      const run = queue
        ? async () => (await listQueue(workspaceId, { funnel: queue, firstMessageFrom: start.toISOString(), firstMessageTo: end.toISOString() })).rows.length
        : async () => (await funnelReport(workspaceId, { ...period, groupBy })).stages[0]!.count;
      const { size, times } = await timeRuns(runs, run);
      const statements = Object.values(funnelAggregateStatements(workspaceId, { ...period, groupBy }, "America/Sao_Paulo", new Date()));
      const explain = async (statement: (typeof statements)[number]) =>
        (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (COSTS OFF) ${statement.text}`, statement.values as unknown[])).rows.map((row) => row["QUERY PLAN"]);
      const plan = queue ? null : (await Promise.all(statements.map(explain))).flat();
      const scans = plan ? planScans(plan) : { indexes: [], seqScans: [] };
      results.push({ case: label, size, ...timing(times), ...scans });
    }

    // What the triggers add to a write: one autocommitted change each, refreshing one conversation's row at commit.
    const leads = await client.query<{ id: string }>("SELECT id FROM lead_proposals WHERE workspace_id = $1 AND status = 'approved' AND sync_status = 'synced' LIMIT $2", [workspaceId, runs]);
    let next = 0;
    const write = await timeRuns(runs, async () => {
      await client.query("UPDATE lead_proposals SET reviewed_by = reviewed_by || '.' WHERE id = $1", [leads.rows[next++ % leads.rows.length]!.id]);
      return 1;
    });
    results.push({ case: "write: one lead proposal updated (its row refreshed)", size: runs, ...timing(write.times), indexes: [], seqScans: [] });

    return { seeded: seeded.rows[0]!, seedMs: Math.round(seedMs), backfillMs: Math.round(backfillMs), cases: results, load: { before: loadBefore, after: loadavg(), cpus: availableParallelism() } };
  });
}

/** The command line: prints the cases as a table and the machine's load. */
export async function main(): Promise<void> {
  await runCli(async () => {
    const count = intArgument("conversations", 100_000, USAGE);
    const runs = intArgument("runs", 30, USAGE);
    const result = await benchFunnel({ conversations: count, runs, progress: (line) => process.stderr.write(`${line}\n`) });
    console.table(result.cases.map(({ indexes, seqScans, ...figures }) => ({ ...figures, indexes: indexes.join(", "), "seq scans": seqScans.join(", ") || "-" })));
    const fixed = (values: number[]) => values.map((value) => value.toFixed(1)).join(", ");
    process.stdout.write(`load average (1, 5, 15 min) before: ${fixed(result.load.before)}, at the end: ${fixed(result.load.after)} (${result.load.cpus} CPUs)\n`);
    return undefined;
  });
}
