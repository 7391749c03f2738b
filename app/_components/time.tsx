"use client";
// Times as people read them in the dashboard: in the viewer's zone (their
// personal setting, else the workspace's; given by the dashboard layout),
// relative where it helps ("in 3 h"), with the prospect's local time beside it.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { formatClock, formatInZone, formatShort, relativeTime } from "@/lib/time/format";

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

/** "Tue 10 Mar, 15:00 · in 3 h · 12:00 GMT-3 their time" */
export function DateTimeText({ iso, prospectZone, relative = false }: { iso: string; prospectZone?: string | null; relative?: boolean }) {
  const zone = useViewerTimeZone();
  const now = useNow();
  const theirs = prospectZone && formatClock(iso, prospectZone) !== formatClock(iso, zone) ? formatClock(iso, prospectZone) : null;
  return (
    <span suppressHydrationWarning>
      <time dateTime={iso} title={formatInZone(iso, zone)} suppressHydrationWarning>
        {formatShort(iso, zone, now)}
      </time>
      {relative ? <span className="text-slate-600" suppressHydrationWarning> · {relativeTime(iso, now)}</span> : null}
      {theirs ? <span className="text-slate-600" title={`The prospect's time (${prospectZone})`}> · {theirs} their time</span> : null}
    </span>
  );
}
