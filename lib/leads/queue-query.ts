// What the review queue can be asked for: filters, search, sort, page. One zod
// schema for the API's query string, the dashboard's URL and listQueue, plus
// the conversions between it and URL search params (pure, browser-safe).
import { z } from "zod";
import { FUNNEL_OUTCOME_KEYS } from "@/lib/funnel/outcomes";
import { DONE_STATUSES, OPEN_STATUSES } from "./lead-status";

export const QUEUE_STATUSES = ["pending", "proposed", "insufficient", "failed", "approved", "merged", "rejected", "not_extracted"] as const;
export const QUEUE_URGENCIES = ["low", "medium", "high"] as const;
export const QUEUE_FLAGS = ["email_invalid", "phone_invalid", "phone_fixed_line", "from_whatsapp", "email_typo"] as const;
export const QUEUE_SORTS = ["newest", "oldest", "urgency"] as const;
/** The reviewer's work lists: what still needs a decision, and what was decided. */
export const QUEUE_VIEWS = ["to_review", "done"] as const;
export const DEFAULT_QUEUE_LIMIT = 50;
export const MAX_QUEUE_LIMIT = 200;

export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export type QueueFlag = (typeof QUEUE_FLAGS)[number];
export type QueueSort = (typeof QUEUE_SORTS)[number];
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** The statuses each view lists ("not_extracted": a conversation waiting for its lead is still to review). */
export const VIEW_STATUSES: Record<QueueView, readonly QueueStatus[]> = {
  to_review: [...OPEN_STATUSES, "not_extracted"],
  done: DONE_STATUSES,
};

/** A list parameter given repeated (`status=a&status=b`) or comma-separated (`status=a,b`). */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => (value === undefined ? undefined : [value].flat().flatMap((item) => String(item).split(",")).map((item) => item.trim()).filter(Boolean)),
    z.array(z.enum(values)).optional(),
  );

/** A day (YYYY-MM-DD, UTC) or an instant with offset. */
const dateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const queueQuerySchema = z
  .object({
    status: listOf(QUEUE_STATUSES),
    urgency: listOf(QUEUE_URGENCIES),
    flag: listOf(QUEUE_FLAGS),
    product: z.string().trim().min(1).max(200).optional(),
    language: z.string().trim().min(1).max(35).optional(),
    /** lastMessageAt on or after this day/instant. */
    from: dateOrInstant.optional(),
    /** lastMessageAt on or before this day (inclusive) / before this instant. */
    to: dateOrInstant.optional(),
    q: z.string().trim().max(200).optional().transform((value) => value || undefined),
    /** to_review | done; absent: every conversation. `status` narrows within it. */
    view: z.enum(QUEUE_VIEWS).optional(),
    /** Leads owned by this member: a user id, or "me" (the signed-in person; resolved by the route). */
    owner: z.union([z.uuid(), z.literal("me")]).optional(),
    /** Where the conversation ended in the managers' funnel (lib/funnel/outcomes.ts): the funnel page's drill-down. */
    funnel: z.enum(FUNNEL_OUTCOME_KEYS).optional(),
    /** firstMessageAt on or after this day/instant: the funnel's cohort. */
    firstMessageFrom: dateOrInstant.optional(),
    /** firstMessageAt on or before this day (inclusive) / before this instant. */
    firstMessageTo: dateOrInstant.optional(),
    sort: z.enum(QUEUE_SORTS).default("newest"),
    cursor: z.string().min(1).max(500).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_QUEUE_LIMIT).default(DEFAULT_QUEUE_LIMIT),
  })
  .refine((query) => !query.from || !query.to || startOf(query.from) < endOf(query.to), { message: "`from` must be before `to`.", path: ["to"] })
  .refine((query) => !query.firstMessageFrom || !query.firstMessageTo || startOf(query.firstMessageFrom) < endOf(query.firstMessageTo), {
    message: "`firstMessageFrom` must be before `firstMessageTo`.",
    path: ["firstMessageTo"],
  });

export type QueueQuery = z.output<typeof queueQuerySchema>;

/** The view a queue URL without one shows: "to review", except for the funnel's drill-down (every status). */
export function defaultView(query: Pick<QueueQuery, "funnel">): QueueView | undefined {
  return query.funnel ? undefined : "to_review";
}
export type QueueQueryInput = z.input<typeof queueQuerySchema>;

/** Where a `from` value starts. */
export function startOf(value: string): Date {
  return new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value);
}

/** Where a `to` value ends (exclusive): a whole day includes its last millisecond. */
export function endOf(value: string): Date {
  const at = startOf(value);
  return value.length === 10 ? new Date(at.getTime() + 86_400_000) : at;
}

const LIST_KEYS = ["status", "urgency", "flag"] as const;

/** URL search params -> the raw object the schema parses (lists kept as arrays). */
export function rawQueueQuery(params: URLSearchParams): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    raw[key] = (LIST_KEYS as readonly string[]).includes(key) ? params.getAll(key) : params.get(key);
  }
  return raw;
}

/** The filters as URL search params, leaving out defaults (for the dashboard's URL and its API calls). */
export function queueSearchParams(query: Partial<QueueQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) for (const value of query[key] ?? []) params.append(key, value);
  for (const key of ["product", "language", "from", "to", "q", "view", "owner", "funnel", "firstMessageFrom", "firstMessageTo"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.sort && query.sort !== "newest") params.set("sort", query.sort);
  if (query.cursor) params.set("cursor", query.cursor);
  if (query.limit && query.limit !== DEFAULT_QUEUE_LIMIT) params.set("limit", String(query.limit));
  return params;
}
