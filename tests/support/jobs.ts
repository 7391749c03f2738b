// Runs a job's Inngest function with @inngest/test on the events dispatch would
// send for outbox items: the function's real steps, against PostgreSQL.
import { InngestTestEngine } from "@inngest/test";
import { db } from "@/lib/db/client";
import { jobEventDataOf } from "@/inngest/dispatch";
import { jobEventName } from "@/inngest/events";
import { jobFunction } from "@/inngest/job-functions";

type Mocked = { mock: { calls: unknown[][] } };

export async function jobEvents(itemIds: readonly string[]) {
  const items = await db().outboxItem.findMany({ where: { id: { in: [...itemIds] } }, select: { id: true, kind: true, workspaceId: true } });
  const events = await Promise.all(items.map(async (item) => ({ name: jobEventName(item.kind), data: await jobEventDataOf(item) })));
  return events as unknown as [{ name: string; data: Record<string, unknown> }];
}

/** One Inngest run of `kind`'s function for these items' events. */
export async function runInInngest(kind: string, itemIds: readonly string[], options: Partial<ConstructorParameters<typeof InngestTestEngine>[0]> = {}) {
  const engine = new InngestTestEngine({ function: jobFunction(kind), events: await jobEvents(itemIds), ...options });
  const { result, error, ctx } = await engine.execute();
  const stepIds = (ctx.step.run as unknown as Mocked).mock.calls.map(([id]) => id as string);
  const sleeps = (ctx.step.sleepUntil as unknown as Mocked).mock.calls;
  return { result, error, stepIds, sleeps };
}
