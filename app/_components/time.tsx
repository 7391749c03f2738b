"use client";
// Times as people read them in the dashboard: in the viewer's zone (their
// personal setting, else the workspace's; given by the dashboard layout) and
// language, relative where it helps ("in 3 h"), with the prospect's local time
// beside it. The words come from the catalogs (messages/*.json, "time").
import { useLocale, useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { formatClock, formatInZone, formatShort, overdueParts, relativeParts } from "@/lib/time/format";

const ViewerTimeZone = createContext("UTC");

export function ViewerTimeZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  return <ViewerTimeZone.Provider value={zone}>{children}</ViewerTimeZone.Provider>;
}

export function useViewerTimeZone(): string {
  return useContext(ViewerTimeZone);
}

/** The current time, moved on every minute so relative times stay true. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Relative times in the reader's words: relative ("in 3 h", "há 2 d") and overdue ("overdue 6 d", or null). */
export function useRelativeWords() {
  const t = useTranslations("time");
  return {
    relative(iso: string, now: Date): string {
      const parts = relativeParts(iso, now);
      if (!parts) return "";
      if (parts.when === "now") return t("now");
      const span = t("span", { count: parts.count, unit: parts.unit });
      return parts.when === "future" ? t("future", { span }) : t("past", { span });
    },
    overdue(iso: string, now: Date): string | null {
      const parts = overdueParts(iso, now);
      return parts ? t("overdue", { span: t("span", { count: parts.count, unit: parts.unit }) }) : null;
    },
  };
}

/** "Tue 10 Mar, 15:00 · in 3 h · 12:00 GMT-3 their time" */
export function DateTimeText({ iso, prospectZone, relative = false }: { iso: string; prospectZone?: string | null; relative?: boolean }) {
  const t = useTranslations("time");
  const locale = useLocale();
  const zone = useViewerTimeZone();
  const now = useNow();
  const words = useRelativeWords();
  const theirs = prospectZone && formatClock(iso, prospectZone) !== formatClock(iso, zone) ? formatClock(iso, prospectZone, locale) : null;
  return (
    <span suppressHydrationWarning>
      <time dateTime={iso} title={formatInZone(iso, zone, locale)} suppressHydrationWarning>
        {formatShort(iso, zone, now, locale)}
      </time>
      {relative ? <span className="text-slate-600" suppressHydrationWarning> · {words.relative(iso, now)}</span> : null}
      {theirs ? <span className="text-slate-600" title={t("prospectZone", { zone: prospectZone ?? "" })}> · {t("theirTime", { clock: theirs })}</span> : null}
    </span>
  );
}
