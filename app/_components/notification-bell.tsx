"use client";
// The bell in the sidebar: how many notifications arrived since the person
// last opened it (a hot lead waiting, a failed sync, a follow-up due today),
// polled every 30 s; opening it lists the latest and marks them read.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { NotificationItem } from "@/lib/notifications/inbox";
import { notificationKeys } from "@/lib/notifications/query-keys";
import { apiFetch } from "./api";
import { useNotificationWords } from "./notification-words";
import { DateTimeText, useNow } from "./time";
import { buttonClass } from "./ui/button";
import { Menu, MenuItem, MenuLabel } from "./ui/menu";

type Inbox = { unread: number; items: NotificationItem[] };

export function NotificationBell({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const t = useTranslations("bell");
  const queryClient = useQueryClient();
  const notificationWords = useNotificationWords();
  const now = useNow();
  const { data } = useQuery({
    queryKey: notificationKeys.inbox(workspaceId),
    queryFn: () => apiFetch<Inbox>("/api/v1/notifications"),
    refetchInterval: 30_000,
  });
  const seen = useMutation({
    mutationFn: () => apiFetch("/api/v1/notifications/seen", { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.inbox(workspaceId) }),
  });
  const unread = data?.unread ?? 0;
  const items = data?.items ?? [];
  return (
    <Menu
      align="start"
      trigger={
        <button
          type="button"
          className={buttonClass("secondary", "relative mt-3 w-full justify-start")}
          onPointerDown={() => unread > 0 && seen.mutate()}
          onKeyDown={(event) => (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") && unread > 0 && seen.mutate()}
          data-testid="notification-bell"
        >
          <span aria-hidden="true">🔔</span> {t("title")}
          {unread > 0 ? (
            <>
              <span className="sr-only">{t("unread", { count: unread })}</span>
              <span aria-hidden="true" className="ml-auto rounded-full bg-red-700 px-1.5 text-xs font-semibold text-white" data-testid="notification-count">
                {unread}
              </span>
            </>
          ) : null}
        </button>
      }
    >
      <MenuLabel>{t("title")}</MenuLabel>
      {items.length === 0 ? <div className="px-2 py-1.5 text-slate-600">{t("empty")}</div> : null}
      {items.map((item) => {
        const { title, body } = notificationWords(item, now);
        return (
          <MenuItem key={item.id} onSelect={() => item.link && router.push(item.link)}>
            <span className="flex max-w-80 flex-col gap-0.5">
              <span className={item.unread ? "font-semibold" : "font-medium"}>{title}</span>
              <span className="text-xs text-slate-600">{body}</span>
              <span className="text-xs text-slate-500"><DateTimeText iso={item.createdAt} relative /></span>
            </span>
          </MenuItem>
        );
      })}
    </Menu>
  );
}
