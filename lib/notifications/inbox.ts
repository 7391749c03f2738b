// The bell: a person's notifications in their active workspace, newest first,
// with how many arrived since they last opened it (Membership.notificationsSeenAt).
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { PhraseParams } from "@/lib/i18n/phrase";

/** `title` and `body` in English as stored; `params` what the bell words them from (empty on rows raised before params were kept). */
export type NotificationItem = { id: string; kind: string; title: string; body: string; params: PhraseParams; link: string | null; createdAt: string; unread: boolean };

async function seenAt(workspaceId: string, userId: string): Promise<Date | null> {
  const membership = await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { notificationsSeenAt: true } });
  if (!membership) throw notFound("Membership");
  return membership.notificationsSeenAt;
}

export async function notificationInbox(workspaceId: string, userId: string, limit = 20): Promise<{ unread: number; items: NotificationItem[] }> {
  const seen = await seenAt(workspaceId, userId);
  const [unread, rows] = await Promise.all([
    db().notification.count({ where: { workspaceId, ...(seen && { createdAt: { gt: seen } }) } }),
    db().notification.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: { id: true, kind: true, title: true, body: true, params: true, link: true, createdAt: true },
    }),
  ]);
  return { unread, items: rows.map((row) => ({ ...row, params: (row.params ?? {}) as PhraseParams, createdAt: row.createdAt.toISOString(), unread: !seen || row.createdAt > seen })) };
}

/** Opening the bell: everything raised so far is read. */
export async function markNotificationsSeen(workspaceId: string, userId: string, now: Date): Promise<void> {
  await db().membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { notificationsSeenAt: now } });
}
