// The funnel report of one workspace for one period, computed in the database
// over the cohort's stored rows (funnel_outcomes, read through outcome-sql.ts)
// by two statements run at once on two connections (a year's cohort takes two
// passes of tens of milliseconds each; side by side they take the longer one),
// each one pass over the cohort with no join and no per-row arithmetic: the
// count of conversations per breakdown group, outcome and corrected fields,
// and the stage times' percentiles over the stored seconds to each stage
// (docs/decisions/0021). Only those aggregates come back; the pure core
// (report.ts) turns them into stages, rates, accuracy and groups.
import { db, Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { fieldErrors } from "@/lib/http/problem";
import { cohortConditionsSql, outcomeAsOfSql } from "./outcome-sql";
import { funnelQuerySchema, periodBounds, type FunnelGroupBy, type FunnelQuery } from "./period";
import { reportFromAggregates, TIMED_STAGES, type Aggregates, type FunnelReport, type TimedStage } from "./report";

const sql = Prisma.sql;

/** The stored seconds from the first message to reaching each timed stage (null where not reached). */
const SECONDS_TO: Record<TimedStage, Prisma.Sql> = {
  proposed: sql`o.seconds_to_proposed`,
  approved: sql`o.seconds_to_approved`,
  synced: sql`o.seconds_to_synced`,
  followed_up: sql`o.seconds_to_followed_up`,
};

/**
 * Each breakdown: the stored columns its groups are counted by (`columns`, as
 * `g.<name>` after counting), and its group key and label (null: the "none"
 * group) from those, with `joins` for what the label needs, joined to the
 * groups once counted rather than to every row.
 */
const GROUPS: Record<FunnelGroupBy, { columns: string[]; key: Prisma.Sql; label: Prisma.Sql; joins?: Prisma.Sql }> = {
  product: { columns: ["product_interest"], key: sql`g.product_interest`, label: sql`g.product_interest` },
  urgency: { columns: ["urgency_level"], key: sql`g.urgency_level`, label: sql`g.urgency_level` },
  language: { columns: ["language"], key: sql`g.language`, label: sql`g.language` },
  source: {
    columns: ["source", "whatsapp_phone_number_id"],
    key: sql`CASE WHEN g.source = 'webhook' THEN 'whatsapp:' || coalesce(g.whatsapp_phone_number_id, 'unknown') ELSE g.source END`,
    label: sql`CASE g.source
      WHEN 'webhook' THEN 'WhatsApp ' || coalesce(wn.display_phone_number, g.whatsapp_phone_number_id, '(number unknown)')
      WHEN 'import' THEN 'Import'
      WHEN 'demo' THEN 'Demo'
      ELSE g.source END`,
    joins: sql`LEFT JOIN whatsapp_numbers wn ON wn.phone_number_id = g.whatsapp_phone_number_id`,
  },
  owner: { columns: ["owner_id"], key: sql`g.owner_id::text`, label: sql`coalesce(u.name, u.email)`, joins: sql`LEFT JOIN users u ON u.id = g.owner_id` },
  reviewer: { columns: ["reviewed_by"], key: sql`g.reviewed_by`, label: sql`g.reviewed_by` },
};

/** Conversations per group, outcome (as of `now`) and corrected fields. */
function bucketsSql(cohort: Prisma.Sql, now: Date, groupBy: FunnelGroupBy | undefined): Prisma.Sql {
  const group = groupBy ? GROUPS[groupBy] : { columns: [], key: sql`NULL::text`, label: sql`NULL::text` };
  const columns = group.columns.map((column) => sql`o.${Prisma.raw(column)}`);
  // By position: the outcome's expression carries a parameter, and a repeated one would be another expression.
  const positions = Array.from({ length: columns.length + 2 }, (_, index) => index + 1).join(", ");
  return sql`
    SELECT ${group.key} AS group_key, ${group.label} AS group_label, g.outcome, g.corrected_fields, g.conversations
      FROM (SELECT ${Prisma.join([...columns, sql`${outcomeAsOfSql(now)} AS outcome`, sql`o.corrected_fields`], ", ")}, count(*)::int AS conversations
              FROM funnel_outcomes o
             WHERE ${cohort}
             GROUP BY ${Prisma.raw(positions)}) g
      ${group.joins ?? Prisma.empty}`;
}

/** Per timed stage, the conversations that reached it with a known time, and the median and 90th percentile of their seconds. */
function timesSql(cohort: Prisma.Sql): Prisma.Sql {
  const stages = TIMED_STAGES.map(
    (stage) => sql`${stage}::text, json_build_object(
      'conversations', count(${SECONDS_TO[stage]}),
      'percentiles', percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${SECONDS_TO[stage]}))`,
  );
  return sql`SELECT json_build_object(${Prisma.join(stages, ", ")}) FROM funnel_outcomes o WHERE ${cohort}`;
}

/** The two statements of a funnel report: its buckets (rows) and its stage times (one row, one JSON value). */
export function funnelAggregateStatements(workspaceId: string, query: Pick<FunnelQuery, "from" | "to" | "groupBy">, timezone: string, now: Date): Record<keyof Aggregates, Prisma.Sql> {
  const { start, end } = periodBounds(query, timezone);
  const cohort = cohortConditionsSql({ workspaceId, start, end, now });
  return { buckets: bucketsSql(cohort, now, query.groupBy), times: sql`SELECT (${timesSql(cohort)}) AS times` };
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
  const statements = funnelAggregateStatements(workspaceId, query, workspace.timezone, now);
  // Each statement takes its own connection from the pool; one transaction would run them one after the other.
  const [buckets, [times]] = await Promise.all([
    db().$queryRaw<Aggregates["buckets"]>(statements.buckets),
    db().$queryRaw<{ times: Aggregates["times"] }[]>(statements.times),
  ]);
  return reportFromAggregates(query, workspace.timezone, { buckets, times: times!.times });
}
