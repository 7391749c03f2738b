// Where each conversation of a cohort ended in the funnel (its outcome, see
// outcomes.ts), as SQL over the stored rows of `funnel_outcomes`: one row per
// conversation with its outcome, its breakdown group and the times it reached
// each stage. The funnel aggregates these rows in the database (queries.ts);
// the review queue filters on them (`funnel=<outcome>`), so both always agree.
//
// The rules that give each conversation its outcome are one SQL function,
// funnel_outcome_rows (migration `funnel_outcomes`, docs/decisions/0005 and
// 0007); triggers rerun it for a conversation at the commit of every change to
// what it reads. The one thing that depends on the moment of reading is done
// here: a queued approved lead is "in the undo window" for UNDO_WINDOW_MS after
// its review, and "syncing" after that.
import { Prisma } from "@/lib/db/client";
import { UNDO_WINDOW_MS } from "@/lib/leads/review";
import type { FunnelOutcome } from "./outcomes";
import type { FunnelGroupBy } from "./period";

const sql = Prisma.sql;

/** The stored outcome `o.outcome` as of `now`. */
const OUTCOME = (now: Date) =>
  sql`CASE WHEN o.outcome = 'undo_window' AND o.reviewed_at <= ${new Date(now.getTime() - UNDO_WINDOW_MS)} THEN 'syncing' ELSE o.outcome END`;

/** The stored outcomes that can read as `outcome` (for the index on outcome). */
function storedAs(outcome: FunnelOutcome): FunnelOutcome[] {
  return outcome === "syncing" ? ["syncing", "undo_window"] : [outcome];
}

/** Each breakdown's group key and label (null: the "none" group); `joins` bring in what the label needs. */
const GROUPS: Record<FunnelGroupBy, { key: Prisma.Sql; label: Prisma.Sql; joins?: Prisma.Sql }> = {
  product: { key: sql`o.product_interest`, label: sql`o.product_interest` },
  urgency: { key: sql`o.urgency_level`, label: sql`o.urgency_level` },
  language: { key: sql`o.language`, label: sql`o.language` },
  source: {
    key: sql`CASE WHEN o.source = 'webhook' THEN 'whatsapp:' || coalesce(o.whatsapp_phone_number_id, 'unknown') ELSE o.source END`,
    label: sql`CASE o.source
      WHEN 'webhook' THEN 'WhatsApp ' || coalesce(wn.display_phone_number, o.whatsapp_phone_number_id, '(number unknown)')
      WHEN 'import' THEN 'Import'
      WHEN 'demo' THEN 'Demo'
      ELSE o.source END`,
    joins: sql`LEFT JOIN whatsapp_numbers wn ON wn.phone_number_id = o.whatsapp_phone_number_id`,
  },
  owner: { key: sql`o.owner_id::text`, label: sql`coalesce(u.name, u.email)`, joins: sql`LEFT JOIN users u ON u.id = o.owner_id` },
  reviewer: { key: sql`o.reviewed_by`, label: sql`o.reviewed_by` },
};

export type CohortFilter = {
  workspaceId: string;
  /** First message on or after this instant (none: from the beginning). */
  start?: Date;
  /** First message before this instant (none: to now). */
  end?: Date;
  /** The moment the funnel is read at (the undo window is counted back from it). */
  now: Date;
  groupBy?: FunnelGroupBy;
  /** Only the conversations with this outcome. */
  outcome?: FunnelOutcome;
};

/**
 * One row per conversation of the cohort: conversation_id, proposal_id,
 * group_key, group_label, outcome, first_message_at, extracted_at,
 * reviewed_at, synced_at, first_follow_up_done_at.
 */
export function cohortOutcomesSql(filter: CohortFilter): Prisma.Sql {
  const group = filter.groupBy ? GROUPS[filter.groupBy] : { key: sql`NULL::text`, label: sql`NULL::text` };
  const outcome = OUTCOME(filter.now);
  const where = [sql`o.workspace_id = ${filter.workspaceId}::uuid`];
  if (filter.start) where.push(sql`o.first_message_at >= ${filter.start}`);
  if (filter.end) where.push(sql`o.first_message_at < ${filter.end}`);
  if (filter.outcome) where.push(sql`o.outcome = ANY(${storedAs(filter.outcome)}::text[]) AND ${outcome} = ${filter.outcome}`);
  return sql`
    SELECT o.conversation_id, o.proposal_id, ${group.key} AS group_key, ${group.label} AS group_label, ${outcome} AS outcome,
           o.first_message_at, o.extracted_at, o.reviewed_at, o.synced_at, o.first_follow_up_done_at
      FROM funnel_outcomes o
      ${group.joins ?? Prisma.empty}
     WHERE ${Prisma.join(where, " AND ")}`;
}
