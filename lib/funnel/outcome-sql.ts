// The one definition of where each conversation of a cohort ended in the
// funnel (its outcome, see outcomes.ts), as SQL: one row per conversation with
// its outcome, its breakdown group and the times it reached each stage. The
// funnel aggregates these rows in the database (queries.ts); the review queue
// filters on them (`funnel=<outcome>`), so both always agree.
//
// Read from the lead's current state:
// - no proposal yet, or extraction pending: not extracted (in progress);
// - a qualifying proposal (proposed, approved, merged, or rejected while it
//   qualified) reached `proposed`; otherwise it was dropped there: opted out
//   (the prospect asked not to be messaged) before extraction failed, before
//   no name, before no valid contact;
// - approved or merged reached `approved`; rejected was dropped by its reason;
// - sync_status synced reached `synced`; queued or syncing is in progress (a
//   queued one "in the undo window" for UNDO_WINDOW_MS after the review);
//   failed is dropped;
// - a done follow-up (its CRM task created) reached `followed_up`; else a
//   scheduled one is in progress unless its due work failed for good; else a
//   cancelled one; else none was planned.
import { Prisma } from "@/lib/db/client";
import { REJECT_REASONS } from "@/lib/leads/lead-status";
import { UNDO_WINDOW_MS } from "@/lib/leads/review";
import type { FunnelGroupBy } from "./period";

const sql = Prisma.sql;

/** The follow-up state of a synced lead's conversation (`f` ranges over its follow-ups). */
const FOLLOW_UP_DUE_WORK_FAILED = sql`(
  SELECT o.status FROM outbox_items o
   WHERE o.kind = 'follow_up_due' AND o.dedupe_key = f.id::text
   ORDER BY o.created_at DESC LIMIT 1) = 'failed'`;

const FOLLOW_UPS = sql`LEFT JOIN LATERAL (
  SELECT CASE
           WHEN bool_or(f.status = 'done') THEN 'followed_up'
           WHEN bool_or(f.status = 'scheduled' AND NOT coalesce(${FOLLOW_UP_DUE_WORK_FAILED}, FALSE)) THEN 'follow_up_scheduled'
           WHEN bool_or(f.status = 'scheduled') THEN 'follow_up_failed'
           WHEN bool_or(f.status = 'cancelled') THEN 'follow_up_cancelled'
           ELSE 'no_follow_up_planned'
         END AS outcome,
         min(f.done_at) FILTER (WHERE f.status = 'done') AS first_done_at
    FROM follow_ups f
   WHERE f.conversation_id = c.id AND p.sync_status = 'synced' AND p.status IN ('approved', 'merged')
) fu ON TRUE`;

const REJECTED = sql`CASE WHEN p.reject_reason = ANY(${[...REJECT_REASONS]}::text[]) THEN 'rejected_' || p.reject_reason ELSE 'rejected_other' END`;

const OUTCOME = (now: Date) => sql`CASE
  WHEN p.id IS NULL OR p.status = 'pending' THEN 'not_extracted'
  WHEN p.status = 'proposed' THEN 'awaiting_review'
  WHEN p.status IN ('approved', 'merged') THEN CASE
    WHEN p.sync_status = 'synced' THEN fu.outcome
    WHEN p.sync_status = 'failed' THEN 'sync_failed'
    WHEN p.sync_status = 'queued' AND p.reviewed_at > ${new Date(now.getTime() - UNDO_WINDOW_MS)} THEN 'undo_window'
    ELSE 'syncing' END
  WHEN p.status = 'rejected' AND p.qualifies THEN ${REJECTED}
  WHEN EXISTS (SELECT 1 FROM opt_outs oo WHERE oo.workspace_id = c.workspace_id AND oo.wa_id = c.contact_wa_id) THEN 'opted_out'
  WHEN p.status = 'failed' OR p.failure_reason IS NOT NULL THEN 'extraction_failed'
  WHEN p.name IS NULL OR btrim(p.name) = '' THEN 'no_name'
  ELSE 'no_valid_contact'
END`;

/** Each breakdown's group key and label (null: the "none" group); `joins` bring in what the label needs. */
const GROUPS: Record<FunnelGroupBy, { key: Prisma.Sql; label: Prisma.Sql; joins?: Prisma.Sql }> = {
  product: { key: sql`p.product_interest`, label: sql`p.product_interest` },
  urgency: { key: sql`p.urgency_level`, label: sql`p.urgency_level` },
  language: { key: sql`lower(c.language)`, label: sql`lower(c.language)` },
  source: {
    key: sql`CASE WHEN c.source = 'webhook' THEN 'whatsapp:' || coalesce(c.whatsapp_phone_number_id, 'unknown') ELSE c.source END`,
    label: sql`CASE c.source
      WHEN 'webhook' THEN 'WhatsApp ' || coalesce(wn.display_phone_number, c.whatsapp_phone_number_id, '(number unknown)')
      WHEN 'import' THEN 'Import'
      WHEN 'demo' THEN 'Demo'
      ELSE c.source END`,
    joins: sql`LEFT JOIN whatsapp_numbers wn ON wn.phone_number_id = c.whatsapp_phone_number_id`,
  },
  owner: { key: sql`p.owner_id::text`, label: sql`coalesce(u.name, u.email)`, joins: sql`LEFT JOIN users u ON u.id = p.owner_id` },
  reviewer: { key: sql`p.reviewed_by`, label: sql`p.reviewed_by` },
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
};

/**
 * One row per conversation of the cohort: conversation_id, proposal_id,
 * group_key, group_label, outcome, first_message_at, extracted_at,
 * reviewed_at, synced_at, first_follow_up_done_at.
 */
export function cohortOutcomesSql(filter: CohortFilter): Prisma.Sql {
  const group = filter.groupBy ? GROUPS[filter.groupBy] : { key: sql`NULL::text`, label: sql`NULL::text` };
  const where = [sql`c.workspace_id = ${filter.workspaceId}::uuid`];
  if (filter.start) where.push(sql`c.first_message_at >= ${filter.start}`);
  if (filter.end) where.push(sql`c.first_message_at < ${filter.end}`);
  return sql`
    SELECT c.id AS conversation_id, p.id AS proposal_id, ${group.key} AS group_key, ${group.label} AS group_label,
           ${OUTCOME(filter.now)} AS outcome,
           c.first_message_at, p.extracted_at, p.reviewed_at, p.synced_at, fu.first_done_at AS first_follow_up_done_at
      FROM conversations c
      LEFT JOIN lead_proposals p ON p.conversation_id = c.id
      ${FOLLOW_UPS}
      ${group.joins ?? Prisma.empty}
     WHERE ${Prisma.join(where, " AND ")}`;
}
