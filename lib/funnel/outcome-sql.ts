// Where each conversation of a cohort ended in the funnel (its outcome, see
// outcomes.ts), as SQL over the stored rows of `funnel_outcomes` (alias `o`):
// the cohort's conditions and each row's outcome as of the moment of reading.
// The funnel aggregates these rows in the database (queries.ts); the review
// queue filters on them (`funnel=<outcome>`), so both always agree.
//
// The rules that give each conversation its outcome are one SQL function,
// funnel_outcome_rows (migrations `funnel_outcomes` and `funnel_stage_seconds`,
// docs/decisions/0005, 0007 and 0021); triggers rerun it for a conversation at
// the commit of every change to what it reads. The one thing that depends on
// the moment of reading is done here: a queued approved lead is "in the undo
// window" for UNDO_WINDOW_MS after its review, and "syncing" after that.
import { Prisma } from "@/lib/db/client";
import { UNDO_WINDOW_MS } from "@/lib/leads/review";
import type { FunnelOutcome } from "./outcomes";

const sql = Prisma.sql;

/** The stored outcome `o.outcome` as of `now`. */
export const outcomeAsOfSql = (now: Date) =>
  sql`CASE WHEN o.outcome = 'undo_window' AND o.reviewed_at <= ${new Date(now.getTime() - UNDO_WINDOW_MS)} THEN 'syncing' ELSE o.outcome END`;

/** The stored outcomes that can read as `outcome` (for the index on outcome). */
function storedAs(outcome: FunnelOutcome): FunnelOutcome[] {
  return outcome === "syncing" ? ["syncing", "undo_window"] : [outcome];
}

export type CohortFilter = {
  workspaceId: string;
  /** First message on or after this instant (none: from the beginning). */
  start?: Date;
  /** First message before this instant (none: to now). */
  end?: Date;
  /** The moment the funnel is read at (the undo window is counted back from it). */
  now: Date;
  /** Only the conversations with this outcome. */
  outcome?: FunnelOutcome;
};

/** The conditions on the stored rows `o` of the cohort (and outcome). */
export function cohortConditionsSql(filter: CohortFilter): Prisma.Sql {
  const where = [sql`o.workspace_id = ${filter.workspaceId}::uuid`];
  if (filter.start) where.push(sql`o.first_message_at >= ${filter.start}`);
  if (filter.end) where.push(sql`o.first_message_at < ${filter.end}`);
  if (filter.outcome) where.push(sql`o.outcome = ANY(${storedAs(filter.outcome)}::text[]) AND ${outcomeAsOfSql(filter.now)} = ${filter.outcome}`);
  return Prisma.join(where, " AND ");
}

/** The cohort's conversation ids (with `outcome`: those with that outcome). */
export function cohortConversationIdsSql(filter: CohortFilter): Prisma.Sql {
  return sql`SELECT o.conversation_id FROM funnel_outcomes o WHERE ${cohortConditionsSql(filter)}`;
}
