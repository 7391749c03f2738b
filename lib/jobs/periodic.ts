// Work with no outbox item behind it that runs on a clock: raising the
// notifications now due (lib/notifications). The built-in runner does each at
// most once per `everyMs` (every pass of `jobs:drain`); under Inngest each is a
// cron function (inngest/functions/periodic-work.ts).
import { raiseNotificationsEverywhere } from "@/lib/notifications/raise";

export type PeriodicWork = { name: string; everyMs: number; run(now: Date): Promise<unknown> };

export const periodicWork: readonly PeriodicWork[] = [{ name: "raise-notifications", everyMs: 60_000, run: raiseNotificationsEverywhere }];

const lastRun = new Map<string, number>();

/** Runs whatever periodic work is due in this process (all of it when `force`); returns what each returned. */
export async function runDuePeriodicWork(now: Date, options: { force?: boolean } = {}): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const work of periodicWork) {
    const last = lastRun.get(work.name);
    if (!options.force && last !== undefined && now.getTime() - last < work.everyMs) continue;
    lastRun.set(work.name, now.getTime());
    results[work.name] = await work.run(now);
  }
  return results;
}
