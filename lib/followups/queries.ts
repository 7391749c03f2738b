// Read access to follow-ups, scoped to one workspace, and the rows the
// Follow-ups page shows (dates as ISO strings, so server and client agree).
import { db } from "@/lib/db/client";

export type FollowUpRowData = {
  id: string;
  status: string;
  contactName: string;
  contactPhone: string | null;
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

export async function listFollowUps(workspaceId: string, limit = 200) {
  return db().followUp.findMany({
    where: { workspaceId },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: limit,
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
      contact: { select: { name: true, phoneE164: true } },
      conversation: { select: { contactProfileName: true, contactWaId: true, leadProposal: { select: { name: true } } } },
    },
  });
}

type FollowUpListRow = Awaited<ReturnType<typeof listFollowUps>>[number];

export function toFollowUpRowData(row: FollowUpListRow): FollowUpRowData {
  return {
    id: row.id,
    status: row.status,
    contactName: row.contact?.name ?? row.conversation.leadProposal?.name ?? row.conversation.contactProfileName ?? "Prospect",
    contactPhone: row.contact?.phoneE164 ?? `+${row.conversation.contactWaId}`,
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
