// queue: the review queue's API (GET /api/v1/leads, a page of 50) on the
// production build, every filter and every sort, at 100,000 conversations and
// 1,000,000 messages (plus a second workspace). Each case is asked `runs`
// times in a row after a warm-up, with an API key; its p95 is held against the
// target. The same query in-process (listQueue, no HTTP) is given beside it,
// so the database's share can be told from the server's. Later pages are
// reached through the cursors the API hands out.
import { randomUUID } from "node:crypto";
import { createApiKey } from "@/lib/auth/api-keys";
import { listQueue } from "@/lib/leads/queue";
import type { QueueQueryInput } from "@/lib/leads/queue-query";
import { seedWithoutTriggersSql } from "../data/derived-rows";
import { queueSeedSql } from "../data/queue-seed";
import { startApp } from "../support/app";
import { databaseUrl } from "@/lib/env";
import { withBenchDatabase } from "@/scripts/bench-database";
import { atMost, below, check, type Outcome, type Scenario, type Size } from "../support/scenario";
import { latencies } from "../support/stats";

const SIZES: Record<Size, { conversations: number; messagesPerConversation: number; runs: number }> = {
  full: { conversations: 100_000, messagesPerConversation: 10, runs: 30 },
  small: { conversations: 2_000, messagesPerConversation: 3, runs: 3 },
};
const PAGE = 50;
const BOUND_MS = 50;

type Case = { label: string; query: Record<string, string>; page?: number };

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

/** Every filter alone, every sort, a deep page of each sort, and combinations; searches and the day aim at seeded rows of any size. */
function cases(conversations: number): Case[] {
  const n = Math.floor(conversations * 0.77771);
  const digits = `55119${String(n).padStart(8, "0")}`;
  // Conversation i's last message is i/3 minutes ago: a day in the middle of the data.
  const middleDay = Math.floor(conversations / 6 / 1440 / 2);
  return [
    { label: "sort=newest", query: {} },
    { label: "sort=newest page 50", query: {}, page: 50 },
    { label: "sort=oldest", query: { sort: "oldest" } },
    { label: "sort=oldest page 50", query: { sort: "oldest" }, page: 50 },
    { label: "sort=urgency", query: { sort: "urgency" } },
    { label: "sort=urgency page 50", query: { sort: "urgency" }, page: 50 },
    ...["proposed", "insufficient", "failed", "approved", "merged", "rejected", "pending", "not_extracted"].map((status) => ({ label: `status=${status}`, query: { status } })),
    { label: "status=failed,pending page 5", query: { status: "failed,pending" }, page: 5 },
    { label: "status=not_extracted sort=urgency", query: { status: "not_extracted", sort: "urgency" } },
    { label: "status=failed sort=urgency", query: { status: "failed", sort: "urgency" } },
    { label: "urgency=high", query: { urgency: "high" } },
    { label: "urgency=high sort=urgency", query: { urgency: "high", sort: "urgency" } },
    ...["email_invalid", "phone_invalid", "phone_fixed_line", "from_whatsapp", "email_typo"].map((flag) => ({ label: `flag=${flag}`, query: { flag } })),
    { label: "product=Battery", query: { product: "Battery" } },
    { label: "language=de", query: { language: "de" } },
    { label: "from/to one day", query: { from: day(middleDay), to: day(middleDay) } },
    { label: "status+urgency+flag+language (no match in the data)", query: { status: "proposed,insufficient", urgency: "high", flag: "phone_fixed_line,email_invalid", language: "pt" } },
    { label: "search email", query: { q: `lead${n}@` } },
    { label: "search phone", query: { q: `+${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 8)} ${digits.slice(8, 12)}` } },
    { label: "search name", query: { q: `prospect ${String(n).slice(0, -1)}` } },
    { label: "search, no match", query: { q: "nobody-by-this-name" } },
  ];
}

/** The query string's form in listQueue's terms (lists split on commas). */
function asInput(query: Record<string, string>, cursor?: string): QueueQueryInput {
  const lists = new Set(["status", "urgency", "flag"]);
  const input: Record<string, unknown> = { limit: PAGE, ...(cursor ? { cursor } : {}) };
  for (const [key, value] of Object.entries(query)) input[key] = lists.has(key) ? value.split(",") : value;
  return input as QueueQueryInput;
}

export const queueScenario: Scenario = {
  name: "queue",
  target: "the queue API, page of 50, every filter and sort, at 100,000 conversations and 1,000,000 messages: p95 < 50 ms each",
  run: (size, { progress }) =>
    withBenchDatabase(async (client): Promise<Outcome> => {
      const url = databaseUrl();
      const sizes = SIZES[size];
      const workspaceId = randomUUID();
      progress(`queue: seeding ${sizes.conversations} conversations, ${sizes.conversations * sizes.messagesPerConversation} messages`);
      const seedStart = Date.now();
      await client.query(seedWithoutTriggersSql(queueSeedSql(workspaceId, randomUUID(), sizes.conversations, sizes.messagesPerConversation)));
      const seeded = (
        await client.query<{ conversations: number; messages: number; proposals: number }>(
          `SELECT (SELECT count(*)::int FROM conversations WHERE workspace_id = $1) AS conversations, (SELECT count(*)::int FROM messages WHERE workspace_id = $1) AS messages,
                  (SELECT count(*)::int FROM lead_proposals WHERE workspace_id = $1) AS proposals`,
          [workspaceId],
        )
      ).rows[0]!;
      const { key } = await createApiKey({ workspaceId, name: "bench" });
      const app = await startApp("queue", { databaseUrl: url });
      try {
        const headers = { authorization: `Bearer ${key}` };
        const get = async (query: Record<string, string>, cursor?: string) => {
          const params = new URLSearchParams({ ...query, limit: String(PAGE), ...(cursor ? { cursor } : {}) });
          const started = performance.now();
          const response = await fetch(`${app.url}/api/v1/leads?${params}`, { headers });
          const body = (await response.json()) as { rows?: unknown[]; nextCursor?: string | null };
          return { ms: performance.now() - started, status: response.status, rows: body.rows?.length ?? 0, nextCursor: body.nextCursor ?? null };
        };
        const results: Record<string, unknown>[] = [];
        const statuses = new Set<number>();
        const empty: string[] = [];
        for (const { label, query, page } of cases(sizes.conversations)) {
          let cursor: string | undefined;
          for (let i = 1; i < (page ?? 1); i++) cursor = (await get(query, cursor)).nextCursor ?? undefined;
          const first = await get(query, cursor); // warm-up
          const http: number[] = [];
          const inProcess: number[] = [];
          for (let run = 0; run < sizes.runs; run++) {
            const answer = await get(query, cursor);
            statuses.add(answer.status);
            http.push(answer.ms);
            const started = performance.now();
            await listQueue(workspaceId, asInput(query, cursor));
            inProcess.push(performance.now() - started);
          }
          if (first.rows === 0 && !label.includes("no match")) empty.push(label);
          const figures = latencies(http);
          results.push({ case: label, rows: first.rows, httpMs: figures, inProcessMs: latencies(inProcess), p95Met: figures.p95 < BOUND_MS });
        }
        const worst = results.reduce((max, row) => Math.max(max, (row.httpMs as { p95: number }).p95), 0);
        return {
          sizes: { conversations: seeded.conversations, messages: seeded.messages, proposals: seeded.proposals, page: PAGE, runsPerCase: sizes.runs, seedSeconds: Math.round((Date.now() - seedStart) / 1000) },
          figures: { worstP95Ms: worst, casesOverBound: results.filter((row) => !row.p95Met).map((row) => row.case), cases: results },
          targets: { everyCaseP95: below(worst, BOUND_MS, "ms"), casesOver: atMost(results.filter((row) => !row.p95Met).length, 0, "cases") },
          checks: [
            check("every request answered 200", statuses.size === 1 && statuses.has(200), [...statuses]),
            check("every case but the no-match search has rows", empty.length === 0, empty.length ? empty : undefined),
          ],
        };
      } finally {
        await app.stop();
      }
    }),
};
