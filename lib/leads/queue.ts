// The review queue's list: a workspace's conversations beside their proposed
// leads, filtered, searched and sorted, one keyset page at a time, plus the
// duplicate badge's counts for the page in one extra query.
//
// Why it stays fast at 100,000 conversations (see `npm run bench:queue`):
// - newest/oldest walk conversations(workspace_id, last_message_at, id) in
//   order and stop after the page; the cursor is a row comparison on that index;
// - the proposal's status (not_extracted without one) and urgency rank are
//   kept on the conversation by a trigger, so status filters walk
//   conversations(workspace_id, proposal_status, last_message_at, id) and the
//   urgency sort walks conversations(workspace_id, urgency_rank, last_message_at, id);
// - flags are JSON containment on the proposal's validation (GIN jsonb_path_ops);
// - search is "contains" on trigram (pg_trgm) indexes: proposal name, email and
//   phone, and the conversation's profile name and wa_id;
// - the last message of each row is read for the page's rows only.
import { db, Prisma } from "@/lib/db/client";
import { cohortConversationIdsSql } from "@/lib/funnel/outcome-sql";
import { invalidInput } from "@/lib/http/problem";
import { decodeQueueCursor, encodeQueueCursor, type QueueCursor } from "./queue-cursor";
import { AppError } from "@/lib/errors";
import { endOf, queueQuerySchema, startOf, VIEW_STATUSES, type QueueFlag, type QueueQuery, type QueueQueryInput, type QueueStatus } from "./queue-query";
import { toQueueProposal, type QueuePage, type QueueRow } from "./queue-row";

const sql = Prisma.sql;
const AND = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : sql`TRUE`);

/** Each flag as the JSON its proposal's validation contains. */
const FLAG_CONTAINS: Record<QueueFlag, object> = {
  email_invalid: { email_valid: false },
  phone_invalid: { phone_valid: false },
  phone_fixed_line: { phone_type: "fixed_line" },
  from_whatsapp: { flags: [{ code: "phone_from_whatsapp" }] },
  email_typo: { flags: [{ code: "email_typo_hint" }] },
};

/** conversations.urgency_rank of each urgency (no urgency, or no proposal, is 0): the urgency sort's order. */
const RANK_OF: Record<string, number> = { high: 3, medium: 2, low: 1 };

type PageRow = {
  id: string;
  contact_profile_name: string | null;
  contact_wa_id: string;
  language: string | null;
  last_message_at: Date;
  message_count: number;
  last_message: string | null;
  urgency_rank: number;
  proposal_id: string | null;
  status: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  product_interest: string | null;
  urgency_level: string | null;
  email_normalized: string | null;
  phone_e164: string | null;
  validation: unknown;
  confidence: unknown;
  qualifies: boolean | null;
  sync_status: string | null;
  contact_id: string | null;
  owner_id: string | null;
  created_at: Date | null;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** A phone-looking search ("+55 11 9..." or bare digits) also matches phone digits. */
function phoneDigits(q: string): string | null {
  const digits = q.replace(/\D/g, "");
  return /^[\d\s+().-]+$/.test(q) && digits.length >= 3 ? digits : null;
}

/**
 * "The row's status is one of these" (not_extracted: no proposal yet), on the conversation's copy; FALSE for none.
 * One status is an equality, so (workspace_id, proposal_status, urgency_rank, ...) also gives the urgency order:
 * with `= ANY` the planner walked the urgency index and filtered (status=not_extracted sort=urgency: 136 ms at 100,000).
 */
function statusCondition(list: readonly QueueStatus[]): Prisma.Sql {
  if (list.length === 1) return sql`c.proposal_status = ${list[0]}`;
  return list.length ? sql`c.proposal_status = ANY(${[...list]}::text[])` : sql`FALSE`;
}

/** Conditions every sort shares: workspace, filters, search (conversations c LEFT JOIN lead_proposals p). */
function filterConditions(workspaceId: string, query: QueueQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [sql`c.workspace_id = ${workspaceId}::uuid`];
  if (query.view) where.push(statusCondition(VIEW_STATUSES[query.view]));
  if (query.status?.length) where.push(statusCondition(query.status));
  if (query.owner) where.push(sql`p.owner_id = ${query.owner}::uuid`);
  if (query.urgency?.length) where.push(sql`c.urgency_rank = ANY(${query.urgency.map((level) => RANK_OF[level] ?? 0)}::int[])`);
  if (query.flag?.length) {
    where.push(sql`(${Prisma.join(query.flag.map((flag) => sql`p.validation @> ${JSON.stringify(FLAG_CONTAINS[flag])}::jsonb`), " OR ")})`);
  }
  // On lead_proposals(workspace_id, lower(product_interest)) (migration queue_product_filter): its statistics tell the planner how common a product is.
  if (query.product) where.push(sql`lower(p.product_interest) = lower(${query.product})`);
  if (query.language) where.push(sql`lower(c.language) = lower(${query.language})`);
  if (query.from) where.push(sql`c.last_message_at >= ${startOf(query.from)}`);
  if (query.to) where.push(sql`c.last_message_at < ${endOf(query.to)}`);
  const cohort = { start: query.firstMessageFrom ? startOf(query.firstMessageFrom) : undefined, end: query.firstMessageTo ? endOf(query.firstMessageTo) : undefined };
  if (cohort.start) where.push(sql`c.first_message_at >= ${cohort.start}`);
  if (cohort.end) where.push(sql`c.first_message_at < ${cohort.end}`);
  if (query.funnel) {
    // The funnel's own definition of each outcome, over the same cohort.
    where.push(sql`c.id IN (${cohortConversationIdsSql({ workspaceId, ...cohort, now: new Date(), outcome: query.funnel })})`);
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    const digits = phoneDigits(query.q);
    const digitPattern = digits ? `%${digits}%` : null;
    // A number written as one ("+55 11 9876-5432") is no name or email: only the phone fields (and the
    // profile name, which can be a number) are searched, sparing two trigram scans of short tokens.
    const proposalText = digits !== null && /\D/.test(query.q) ? sql`FALSE` : sql`sp.name ILIKE ${pattern} OR sp.email_normalized ILIKE ${pattern}`;
    // Two indexed lookups (proposal fields, conversation fields) instead of an OR across the join.
    where.push(sql`c.id IN (
      SELECT sp.conversation_id FROM lead_proposals sp
       WHERE sp.workspace_id = ${workspaceId}::uuid
         AND (${proposalText}${digitPattern ? sql` OR sp.phone_e164 LIKE ${digitPattern}` : Prisma.empty})
      UNION
      SELECT sc.id FROM conversations sc
       WHERE sc.workspace_id = ${workspaceId}::uuid
         AND (sc.contact_profile_name ILIKE ${pattern}${digitPattern ? sql` OR sc.contact_wa_id LIKE ${digitPattern}` : Prisma.empty}))`);
  }
  return where;
}

const SELECTED = sql`
  c.id, c.contact_profile_name, c.contact_wa_id, c.language, c.last_message_at, c.message_count, c.urgency_rank,
  p.id AS proposal_id, p.status, p.name, p.email, p.phone, p.company, p.product_interest, p.urgency_level,
  p.email_normalized, p.phone_e164, p.validation, p.confidence, p.qualifies, p.sync_status, p.contact_id, p.owner_id, p.created_at`;

const JOINED = sql`FROM conversations c LEFT JOIN lead_proposals p ON p.conversation_id = c.id`;

/** The page's rows in order (limit + 1, to tell whether another page follows); each sort walks one index of conversations. */
function pageSql(workspaceId: string, query: QueueQuery, after: QueueCursor | null, take: number): Prisma.Sql {
  const where = filterConditions(workspaceId, query);
  if (after) {
    if (query.sort === "newest") where.push(sql`(c.last_message_at, c.id) < (${after.lastMessageAt}, ${after.id}::uuid)`);
    if (query.sort === "oldest") where.push(sql`(c.last_message_at, c.id) > (${after.lastMessageAt}, ${after.id}::uuid)`);
    if (query.sort === "urgency") where.push(sql`(c.urgency_rank, c.last_message_at, c.id) < (${after.urgencyRank}::smallint, ${after.lastMessageAt}, ${after.id}::uuid)`);
  }
  return sql`SELECT ${SELECTED} ${JOINED} WHERE ${AND(where)} ORDER BY ${PAGE_ORDER[query.sort]} LIMIT ${take}`;
}

const PAGE_ORDER = {
  newest: sql`c.last_message_at DESC, c.id DESC`,
  oldest: sql`c.last_message_at ASC, c.id ASC`,
  urgency: sql`c.urgency_rank DESC, c.last_message_at DESC, c.id DESC`,
};
const ORDER = { newest: sql`last_message_at DESC, id DESC`, oldest: sql`last_message_at ASC, id ASC`, urgency: sql`urgency_rank DESC, last_message_at DESC, id DESC` };

/** The main query: the page, then each row's last message (for the page's rows only). */
export function queueSql(workspaceId: string, query: QueueQuery, after: QueueCursor | null): Prisma.Sql {
  return sql`
    SELECT page.*,
      (SELECT m.body FROM messages m WHERE m.conversation_id = page.id ORDER BY m.sent_at DESC, m.received_at DESC LIMIT 1) AS last_message
    FROM (${pageSql(workspaceId, query, after, query.limit + 1)}) page
    ORDER BY ${ORDER[query.sort]}`;
}

/** Exact duplicate candidates per proposal of the page, in one query. */
async function duplicateCounts(workspaceId: string, rows: PageRow[]): Promise<Map<string, number>> {
  const withKeys = rows.filter((row) => row.proposal_id && (row.phone_e164 || row.email_normalized));
  if (withKeys.length === 0) return new Map();
  const counts = await db().$queryRaw<{ proposal_id: string; duplicates: number }[]>`
    SELECT x.proposal_id,
      (SELECT count(*)::int FROM contacts k
        WHERE k.workspace_id = ${workspaceId}::uuid AND (k.phone_e164 = x.phone OR k.email_normalized = x.email)
          AND k.id IS DISTINCT FROM x.contact_id)
      + (SELECT count(*)::int FROM lead_proposals o
        WHERE o.workspace_id = ${workspaceId}::uuid AND (o.phone_e164 = x.phone OR o.email_normalized = x.email)
          AND o.id <> x.proposal_id AND o.status <> 'rejected') AS duplicates
    FROM unnest(${withKeys.map((row) => row.proposal_id)}::uuid[], ${withKeys.map((row) => row.phone_e164)}::text[],
                ${withKeys.map((row) => row.email_normalized)}::text[], ${withKeys.map((row) => row.contact_id)}::uuid[])
      AS x(proposal_id, phone, email, contact_id)`;
  return new Map(counts.map((row) => [row.proposal_id, row.duplicates]));
}

function toQueueRow(row: PageRow, duplicates: Map<string, number>): QueueRow {
  return {
    conversationId: row.id,
    contactName: row.contact_profile_name,
    contactWaId: row.contact_wa_id,
    language: row.language,
    lastMessageAt: row.last_message_at.toISOString(),
    messageCount: row.message_count,
    lastMessage: row.last_message,
    proposal: row.proposal_id
      ? toQueueProposal(
          {
            id: row.proposal_id,
            status: row.status!,
            name: row.name,
            email: row.email,
            phone: row.phone,
            company: row.company,
            productInterest: row.product_interest,
            urgencyLevel: row.urgency_level,
            validation: row.validation,
            confidence: row.confidence,
            qualifies: row.qualifies ?? false,
            syncStatus: row.sync_status ?? "none",
            ownerId: row.owner_id,
            createdAt: row.created_at!,
          },
          duplicates.get(row.proposal_id) ?? 0,
        )
      : null,
  };
}

/** Parses a raw query (API query string, page URL) or throws a 422 naming each bad field. */
export function parseQueueQuery(raw: unknown): QueueQuery {
  const parsed = queueQuerySchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

/** The query with owner "me" read as the signed-in person (`viewerId`); API keys have no "me". */
export function resolveOwner<T extends { owner?: string }>(query: T, viewerId: string | null): T {
  if (query.owner !== "me") return query;
  if (!viewerId) throw new AppError("validation_failed", '"owner" is not valid: "me" needs a signed-in person; pass a user id.', { errors: [{ path: "owner", message: "me needs a signed-in person" }] });
  return { ...query, owner: viewerId };
}

/** One page of the workspace's review queue. */
export async function listQueue(workspaceId: string, input: QueueQuery | QueueQueryInput = {}): Promise<QueuePage> {
  const query = resolveOwner(parseQueueQuery(input), null);
  const after = query.cursor ? decodeQueueCursor(query.cursor, query.sort) : null;
  const rows = await db().$queryRaw<PageRow[]>(queueSql(workspaceId, query, after));
  const page = rows.slice(0, query.limit);
  const duplicates = await duplicateCounts(workspaceId, page);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeQueueCursor({ sort: query.sort, urgencyRank: query.sort === "urgency" ? Number(last.urgency_rank) : 0, lastMessageAt: last.last_message_at, id: last.id })
      : null;
  return { rows: page.map((row) => toQueueRow(row, duplicates)), nextCursor };
}
