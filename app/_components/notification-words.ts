"use client";
// A notification in the reader's language: its kind's words from the catalog
// ("bell.kinds.<kind>") with the values stored beside it (names, the CRM's
// error, the follow-up's channel and time), worded when it is read. A kind the
// catalog does not know, or a row raised before values were kept, shows its
// stored English title and body.
import { useLocale, useTranslations } from "next-intl";
import type { NotificationItem } from "@/lib/notifications/inbox";
import { formatClock } from "@/lib/time/format";
import { useRelativeWords } from "./time";

const KINDS = ["hot_lead_waiting", "sync_failed", "follow_up_due_today"] as const;

const text = (value: unknown): string => (typeof value === "string" ? value : "");

export function useNotificationWords(): (item: NotificationItem, now: Date) => { title: string; body: string } {
  const t = useTranslations("bell.kinds");
  const locale = useLocale();
  const words = useRelativeWords();
  return (item, now) => {
    const { params } = item;
    if (!(KINDS as readonly string[]).includes(item.kind) || Object.keys(params).length === 0) return { title: item.title, body: item.body };
    const name = text(params.name) || t("someone");
    if (item.kind === "hot_lead_waiting") {
      const waiting = words.relative(text(params.since), now);
      const product = text(params.product);
      return { title: t("hot_lead_waiting.title", { name }), body: product ? t("hot_lead_waiting.bodyProduct", { product, waiting }) : t("hot_lead_waiting.body", { waiting }) };
    }
    if (item.kind === "sync_failed") {
      const error = text(params.error);
      return { title: t("sync_failed.title", { name }), body: error ? t("sync_failed.body", { error }) : t("sync_failed.bodyRefused") };
    }
    const clock = formatClock(text(params.dueAt), text(params.timezone), locale);
    return { title: t("follow_up_due_today.title", { name }), body: t("follow_up_due_today.body", { channel: text(params.channel), clock, reason: text(params.reason) }) };
  };
}
