// `npm run -s bench:queue [-- --conversations N --runs R]`: how fast the review
// queue's list (lib/leads/queue.ts listQueue) answers at scale. Creates a
// throwaway database on the configured server (the embedded one by default),
// bulk-inserts N conversations (default 100,000) with proposals, contacts and
// a second workspace, ANALYZEs, times each case (median of R runs, ms), prints
// the indexes each plan uses and the main query's plan, and drops the database.
// A benchmark to read, not a timed test: figures depend on the machine.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Prisma } from "@/lib/db/client";
import { listQueue, parseQueueQuery, queueSql } from "@/lib/leads/queue";
import { decodeQueueCursor } from "@/lib/leads/queue-cursor";
import type { QueueQueryInput } from "@/lib/leads/queue-query";
import { intArgument, median, planScans, withBenchDatabase } from "./bench-database";
import { runCli } from "./cli";

const USAGE = "usage: npm run -s bench:queue -- [--conversations N] [--runs R]";

const SEED_SQL = (workspaceId: string, otherWorkspaceId: string, count: number) => `
INSERT INTO workspaces (id, name, slug, default_country, updated_at) VALUES
  ('${workspaceId}', 'Bench', 'bench', 'BR', now()), ('${otherWorkspaceId}', 'Other', 'other', 'MX', now());

-- Groups of three conversations share a lastMessageAt, so ties are exercised.
INSERT INTO conversations (id, workspace_id, source, contact_wa_id, contact_profile_name, language, first_message_at, last_message_at, message_count, updated_at)
SELECT gen_random_uuid(), CASE WHEN i <= ${count} THEN '${workspaceId}'::uuid ELSE '${otherWorkspaceId}'::uuid END, 'import',
       '55119' || lpad(i::text, 8, '0'), 'Prospect ' || i, (ARRAY['pt','es','en','hi','de','fr'])[1 + i % 6],
       now() - (i / 3) * interval '1 minute' - interval '1 hour', now() - (i / 3) * interval '1 minute', 4, now()
FROM generate_series(1, ${count + Math.ceil(count / 20)}) AS i;

INSERT INTO messages (id, workspace_id, conversation_id, provider_message_id, role, body, sent_at)
SELECT gen_random_uuid(), c.workspace_id, c.id, 'wamid.' || c.contact_wa_id, 'user', 'Oi, quanto custa? (' || c.contact_profile_name || ')', c.last_message_at
FROM conversations c;

-- 90% of conversations have a proposal; a mix of statuses, urgencies, products and flags.
INSERT INTO lead_proposals (id, workspace_id, conversation_id, status, name, email, email_normalized, phone, phone_e164,
                            company, product_interest, urgency_level, validation, confidence, qualifies, sync_status, updated_at)
SELECT gen_random_uuid(), c.workspace_id, c.id,
  CASE WHEN b < 60 THEN 'proposed' WHEN b < 75 THEN 'insufficient' WHEN b < 78 THEN 'failed' WHEN b < 88 THEN 'approved'
       WHEN b < 92 THEN 'merged' WHEN b < 97 THEN 'rejected' ELSE 'pending' END,
  (ARRAY['Ana','João','Maria','Carlos','Grace','Hans','Priya','Lucía'])[1 + n % 8] || ' '
    || (ARRAY['Souza','Silva','Adeyemi','Müller','Sharma','García','Dubois'])[1 + (n / 8) % 7] || ' ' || n,
  e, lower(e), ph, ph,
  CASE WHEN n % 4 = 0 THEN 'Company ' || (n % 500) END,
  (ARRAY['Solar Kit','Battery','Inverter','Maintenance','Consulting'])[1 + (n / 7) % 5],
  CASE WHEN n % 5 = 0 THEN 'high' WHEN n % 5 IN (1, 2) THEN 'medium' ELSE 'low' END,
  jsonb_build_object(
    'email_valid', CASE WHEN e IS NULL THEN NULL ELSE n % 13 <> 0 END,
    'phone_valid', n % 17 <> 0,
    'phone_type', CASE WHEN n % 17 = 0 THEN NULL WHEN n % 5 = 3 THEN 'fixed_line' ELSE 'mobile' END,
    'phone_country', 'BR',
    'flags', (CASE WHEN n % 3 = 0 THEN '[{"code":"phone_from_whatsapp","field":"phone"}]'::jsonb ELSE '[]'::jsonb END)
          || (CASE WHEN n % 29 = 0 THEN '[{"code":"email_typo_hint","field":"email","suggestion":"x@gmail.com"}]'::jsonb ELSE '[]'::jsonb END)),
  jsonb_build_object('name', 0.5 + (n % 50) / 100.0, 'email', 0.9, 'phone', 0.8),
  b < 60, CASE WHEN b >= 78 AND b < 92 THEN 'synced' ELSE 'none' END, now()
FROM (
  SELECT c.*, (n * 37) % 100 AS b,
         CASE WHEN n % 7 <> 0 THEN 'Lead' || n || '@' || (ARRAY['gmail.com','hotmail.com','empresa.com.br','gmial.com'])[1 + n % 4] END AS e,
         -- Every 50th lead gives the previous one's phone: a duplicate.
         '+55119' || lpad((CASE WHEN n % 50 = 0 THEN n - 1 ELSE n END)::text, 8, '0') AS ph
  FROM (SELECT c.*, substr(c.contact_wa_id, 6)::int AS n FROM conversations c) c
  WHERE n % 10 <> 0
) c;

-- Internal CRM contacts for some of them (duplicate candidates).
INSERT INTO contacts (id, workspace_id, name, email, email_normalized, phone_e164, updated_at)
SELECT gen_random_uuid(), '${workspaceId}', 'Contact ' || n, 'contact' || n || '@example.com', 'contact' || n || '@example.com',
       '+55119' || lpad(n::text, 8, '0'), now()
FROM generate_series(1, ${count}, 40) AS n;

ANALYZE;
`;

type Case = { label: string; query: QueueQueryInput; page?: number };

/** The cursor of page `page` (1-based) of a query, by walking the pages before it. */
async function cursorOfPage(workspaceId: string, query: QueueQueryInput, page: number): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let i = 1; i < page; i++) {
    const result = await listQueue(workspaceId, { ...query, cursor });
    if (!result.nextCursor) throw new Error(`page ${i} of ${JSON.stringify(query)} is the last`);
    cursor = result.nextCursor;
  }
  return cursor;
}

/** EXPLAIN ANALYZE of the main query: its text and the indexes it scans. */
async function explain(client: pg.Client, workspaceId: string, input: QueueQueryInput) {
  const query = parseQueueQuery(input);
  const after = query.cursor ? decodeQueueCursor(query.cursor, query.sort) : null;
  const statement: Prisma.Sql = queueSql(workspaceId, query, after);
  const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${statement.text}`, statement.values as unknown[]);
  const plan = result.rows.map((row) => row["QUERY PLAN"]);
  return { plan, ...planScans(plan) };
}

await runCli(async () => {
  const count = intArgument("conversations", 100_000, USAGE);
  const runs = intArgument("runs", 11, USAGE);
  return withBenchDatabase(async (client) => {
    const workspaceId = randomUUID();
    const seedStart = performance.now();
    await client.query(SEED_SQL(workspaceId, randomUUID(), count));
    const seeded = await client.query<{ conversations: number; proposals: number }>(
      `SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS conversations, (SELECT count(*)::int FROM lead_proposals WHERE workspace_id = $1) AS proposals`,
      [workspaceId],
    );
    process.stderr.write(`seeded ${JSON.stringify(seeded.rows[0])} in ${Math.round(performance.now() - seedStart)} ms; timing ${runs} runs per case\n`);

    const cases: Case[] = [
      { label: "first page (newest)", query: {} },
      { label: "page 50 (newest, via cursors)", query: {}, page: 50 },
      { label: "first page (oldest)", query: { sort: "oldest" } },
      { label: "first page (urgency)", query: { sort: "urgency" } },
      { label: "page 50 (urgency, via cursors)", query: { sort: "urgency" }, page: 50 },
      { label: "status=proposed", query: { status: ["proposed"] } },
      { label: "status=failed", query: { status: ["failed"] } },
      { label: "status=not_extracted", query: { status: ["not_extracted"] } },
      { label: "status=failed,pending page 20", query: { status: ["failed", "pending"] }, page: 20 },
      { label: "urgency=high", query: { urgency: ["high"] } },
      { label: "urgency=high sort=urgency", query: { urgency: ["high"], sort: "urgency" } },
      { label: "status=failed sort=urgency", query: { status: ["failed"], sort: "urgency" } },
      { label: "flag=email_invalid", query: { flag: ["email_invalid"] } },
      { label: "flag=phone_invalid", query: { flag: ["phone_invalid"] } },
      { label: "flag=phone_fixed_line", query: { flag: ["phone_fixed_line"] } },
      { label: "flag=from_whatsapp", query: { flag: ["from_whatsapp"] } },
      { label: "flag=email_typo", query: { flag: ["email_typo"] } },
      { label: "product=Battery", query: { product: "Battery" } },
      { label: "language=de", query: { language: "de" } },
      { label: "from/to (one day, ~1/70 of rows)", query: { from: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10), to: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10) } },
      { label: "status+urgency+flag+language", query: { status: ["proposed", "insufficient"], urgency: ["high"], flag: ["phone_fixed_line", "email_invalid"], language: "pt" } },
      { label: "search email (lead77771@)", query: { q: "lead77771@" } },
      { label: "search phone (+55 11 9000 7777)", query: { q: "+55 11 9000 7777" } },
      { label: "search name (prospect 7777)", query: { q: "prospect 7777" } },
      { label: "search, no match", query: { q: "nobody-by-this-name" } },
    ];

    const results: { case: string; "median ms": number; "min ms": number; rows: number; indexes: string; "seq scans": string }[] = [];
    for (const { label, query, page } of cases) {
      const cursor = page ? await cursorOfPage(workspaceId, query, page) : undefined;
      const timed = { ...query, cursor };
      const times: number[] = [];
      let rows = 0;
      await listQueue(workspaceId, timed); // warm-up
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        rows = (await listQueue(workspaceId, timed)).rows.length;
        times.push(performance.now() - start);
      }
      const { indexes, seqScans } = await explain(client, workspaceId, timed);
      results.push({ case: label, "median ms": Number(median(times).toFixed(1)), "min ms": Number(Math.min(...times).toFixed(1)), rows, indexes: indexes.join(", "), "seq scans": seqScans.join(", ") || "-" });
    }
    console.table(results);
    const main = await explain(client, workspaceId, {});
    process.stdout.write(`\nEXPLAIN ANALYZE, first page (newest):\n${main.plan.join("\n")}\n`);
    return undefined;
  });
});
