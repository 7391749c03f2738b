// The funnel report of one workspace for one period, computed in the database
// in one statement: the cohort's stored outcomes (outcome-sql.ts) are aggregated into
// counts per group and outcome, the stage times' percentiles, and the
// reviewers' corrections per field; only those aggregates come back. The pure
// core (report.ts) turns them into stages, rates and groups.
import { db, Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/problem";
import { cohortOutcomesSql } from "./outcome-sql";
import { outcomesReaching } from "./outcomes";
import { funnelQuerySchema, periodBounds, type FunnelGroupBy, type FunnelQuery } from "./period";
import { reportFromAggregates, TIMED_STAGES, type Aggregates, type FunnelReport, type TimedStage } from "./report";

const sql = Prisma.sql;

/** Which timestamp marks reaching each timed stage (columns of the cohort rows). */
const REACHED_AT: Record<TimedStage, Prisma.Sql> = {
  proposed: sql`extracted_at`,
  approved: sql`reviewed_at`,
  synced: sql`synced_at`,
  followed_up: sql`first_follow_up_done_at`,
};

function timeSql(stage: TimedStage): Prisma.Sql {
  const column = REACHED_AT[stage];
  const reached = sql`outcome = ANY(${outcomesReaching(stage)}::text[]) AND ${column} IS NOT NULL`;
  return sql`json_build_object(
    'conversations', count(*) FILTER (WHERE ${reached}),
    'percentiles', percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM ${column} - first_message_at)::float8) FILTER (WHERE ${reached}))`;
}

export function funnelAggregatesSql(workspaceId: string, query: Pick<FunnelQuery, "from" | "to" | "groupBy">, timezone: string, now: Date): Prisma.Sql {
  const { start, end } = periodBounds(query, timezone);
  // Each aggregate reads the cohort's stored rows by the index itself (a shared, materialized cohort spills to disk for a year).
  const cohort = (groupBy?: FunnelGroupBy) => sql`(${cohortOutcomesSql({ workspaceId, start, end, now, groupBy })})`;
  const timed = TIMED_STAGES.map((stage) => sql`${stage}::text, ${timeSql(stage)}`);
  return sql`
    SELECT
      (SELECT coalesce(json_agg(b), '[]'::json) FROM (
         SELECT group_key, group_label, outcome, count(*)::int AS conversations FROM ${cohort(query.groupBy)} k GROUP BY group_key, group_label, outcome) b) AS buckets,
      (SELECT json_build_object(${Prisma.join(timed, ", ")}) FROM ${cohort()} k) AS times,
      (SELECT coalesce(json_object_agg(field, corrections), '{}'::json) FROM (
         SELECT lc.field, count(*)::int AS corrections
           FROM ${cohort()} k JOIN lead_corrections lc ON lc.lead_proposal_id = k.proposal_id
          WHERE k.outcome = ANY(${outcomesReaching("approved")}::text[])
          GROUP BY lc.field) x) AS corrections`;
}

/** Parses a raw query (the API's query string) or throws a 422 naming each bad parameter. */
export function parseFunnelQuery(raw: unknown): FunnelQuery {
  const parsed = funnelQuerySchema.safeParse(raw);
  if (!parsed.success) throw new AppError("validation_failed", "The query parameters are not valid.", { errors: fieldErrors(parsed.error) });
  return parsed.data;
}

/** The workspace's funnel for a period of whole days in its time zone. */
export async function funnelReport(workspaceId: string, query: Pick<FunnelQuery, "from" | "to" | "groupBy">, now = new Date()): Promise<FunnelReport> {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { timezone: true } });
  if (!workspace) throw notFound("Workspace");
  const [aggregates] = await db().$queryRaw<Aggregates[]>(funnelAggregatesSql(workspaceId, query, workspace.timezone, now));
  return reportFromAggregates(query, workspace.timezone, aggregates!);
}
