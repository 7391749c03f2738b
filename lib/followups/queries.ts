// Read access to follow-ups, scoped to one workspace: the Follow-ups page's
// list, filtered by status, the lead's owner and due dates, with what each row
// links to (its lead) and shows (dates as ISO strings, so server and client agree).
import { DateTime } from "luxon";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const FOLLOW_UP_STATUSES = ["proposed", "scheduled", "failed", "done", "cancelled"] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day as YYYY-MM-DD");
const list = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value), z.array(item));

/** The list's filters, as query parameters: `status` (repeat or commas), `owner` (me, none or a member's id), `from`/`to` (due days, inclusive, in the viewer's zone). */
export const followUpFiltersSchema = z
  .object({
    status: list(z.enum(FOLLOW_UP_STATUSES)).optional(),
    owner: z.union([z.literal("me"), z.literal("none"), z.uuid()]).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { message: "must not be before from", path: ["to"] });
export type FollowUpFilters = z.infer<typeof followUpFiltersSchema>;

/** Query parameters -> filters (repeated parameters kept), validated; a 422 names the bad one. */
export function followUpFiltersFrom(params: URLSearchParams): FollowUpFilters {
  const raw: Record<string, string> = {};
  for (const key of new Set(params.keys())) raw[key] = params.getAll(key).join(",");
  return followUpFiltersSchema.parse(raw);
}

export type FollowUpRowData = {
  id: string;
  status: string;
  contactName: string;
  contactPhone: string | null;
  contactId: string | null;
  /** The lead (LeadProposal) of the conversation, for a link to it. */
  leadId: string | null;
  ownerEmail: string | null;
  channel: string;
  /** ISO instant (UTC). */
  dueAt: string;
  /** The prospect's IANA zone the follow-up was planned in. */
  timezone: string;
  reason: string;
  tone: string | null;
  cancelReason: string | null;
  /** Why its CRM task could not be created (status failed). */
  failureReason: string | null;
  templateRequired: boolean;
  crmTaskId: string | null;
};

function whereOf(workspaceId: string, filters: FollowUpFilters, viewer: { userId: string | null; timezone: string }): Prisma.FollowUpWhereInput {
  const where: Prisma.FollowUpWhereInput = { workspaceId };
  if (filters.status?.length) where.status = { in: filters.status };
  if (filters.owner === "none") where.conversation = { leadProposal: { is: { ownerId: null } } };
  else if (filters.owner) {
    const ownerId = filters.owner === "me" ? viewer.userId : filters.owner;
    if (!ownerId) throw new AppError("validation_failed", '"owner" is not valid: "me" is for signed-in people.', { errors: [{ path: "owner", message: "owner=me is for signed-in people" }] });
    where.conversation = { leadProposal: { is: { ownerId } } };
  }
  const dueAt: Prisma.DateTimeFilter = {};
  if (filters.from) dueAt.gte = DateTime.fromISO(filters.from, { zone: viewer.timezone }).startOf("day").toJSDate();
  if (filters.to) dueAt.lt = DateTime.fromISO(filters.to, { zone: viewer.timezone }).plus({ days: 1 }).startOf("day").toJSDate();
  if (filters.from || filters.to) where.dueAt = dueAt;
  return where;
}

export async function listFollowUps(
  workspaceId: string,
  options: { filters?: FollowUpFilters; viewer?: { userId: string | null; timezone: string }; limit?: number } = {},
) {
  const viewer = options.viewer ?? { userId: null, timezone: "UTC" };
  return db().followUp.findMany({
    where: whereOf(workspaceId, options.filters ?? {}, viewer),
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 200,
    select: {
      id: true,
      dueAt: true,
      timezone: true,
      channel: true,
      reason: true,
      tone: true,
      status: true,
      cancelReason: true,
      failureReason: true,
      templateRequired: true,
      crmTaskId: true,
      contactId: true,
      contact: { select: { name: true, phoneE164: true } },
      conversation: {
        select: {
          contactProfileName: true,
          contactWaId: true,
          leadProposal: { select: { id: true, name: true, owner: { select: { email: true } } } },
        },
      },
    },
  });
}

type FollowUpListRow = Awaited<ReturnType<typeof listFollowUps>>[number];

export function toFollowUpRowData(row: FollowUpListRow): FollowUpRowData {
  const lead = row.conversation.leadProposal;
  return {
    id: row.id,
    status: row.status,
    contactName: row.contact?.name ?? lead?.name ?? row.conversation.contactProfileName ?? "Prospect",
    contactPhone: row.contact?.phoneE164 ?? `+${row.conversation.contactWaId}`,
    contactId: row.contactId,
    leadId: lead?.id ?? null,
    ownerEmail: lead?.owner?.email ?? null,
    channel: row.channel,
    dueAt: row.dueAt.toISOString(),
    timezone: row.timezone,
    reason: row.reason,
    tone: row.tone,
    cancelReason: row.cancelReason,
    failureReason: row.failureReason,
    templateRequired: row.templateRequired,
    crmTaskId: row.crmTaskId,
  };
}
