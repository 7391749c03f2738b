// follow-up: sleeps until a scheduled follow-up is due, then creates its CRM
// task. Each wake re-reads the follow-up (a person may have moved or cancelled
// it; a reschedule replaces the outbox item, so a run whose item is gone stops).
// A prospect's reply cancels the run (cancelOn); runDueFollowUp checks the
// database again before creating anything, since an event can arrive late or
// never. Claims its outbox item like every outbox-driven function.
import { asOutboxFailure } from "@/lib/crm/sync";
import { db } from "@/lib/db/client";
import { runDueFollowUp } from "@/lib/followups/run-due";
import { followUpDuePayload } from "@/lib/outbox/handlers";
import { inngest } from "../client";
import { outboxEventData, outboxEventName, prospectRepliedEventName } from "../events";
import { runOutboxItem, serviceStep } from "../outbox-run";

/** Wakes before giving up on a follow-up that keeps being moved later (each is a new event anyway). */
const MAX_WAKES = 10;

// `due` is decided inside the step: a replay after waking must take the same path.
type Watch = { followUpId: string; status: string; dueAt: string; due: boolean } | { gone: string };

/** The follow-up this run's outbox item is for, while that item still waits. */
async function watchFollowUp(outboxItemId: string): Promise<Watch> {
  const item = await db().outboxItem.findUnique({ where: { id: outboxItemId }, select: { status: true, payload: true } });
  if (!item) return { gone: "its outbox item was replaced (rescheduled) or dropped (cancelled)" };
  const payload = followUpDuePayload.safeParse(item.payload);
  if (!payload.success) return { gone: "its outbox item names no follow-up" };
  const followUp = await db().followUp.findUnique({ where: { id: payload.data.followUpId }, select: { id: true, status: true, dueAt: true } });
  if (!followUp) return { gone: "the follow-up no longer exists" };
  return { followUpId: followUp.id, status: followUp.status, dueAt: followUp.dueAt.toISOString(), due: followUp.dueAt <= new Date() };
}

export const followUpFunction = inngest.createFunction(
  {
    id: "follow-up",
    triggers: [{ event: outboxEventName("follow_up_due") }],
    retries: 8,
    // The prospect wrote again in this conversation: the follow-up is moot.
    cancelOn: [{ event: prospectRepliedEventName, if: "event.data.conversationId == async.data.conversationId" }],
  },
  async ({ event, step, runId }) => {
    const { outboxItemId } = outboxEventData.parse(event.data);
    for (let wake = 0; wake < MAX_WAKES; wake++) {
      const watch = (await step.run(`load-follow-up-${wake}`, () => watchFollowUp(outboxItemId))) as Watch;
      if ("gone" in watch) return { skipped: watch.gone };
      if (watch.status !== "scheduled") return { skipped: `the follow-up is ${watch.status}` };
      if (watch.due) break;
      await step.sleepUntil(`sleep-until-due-${wake}`, watch.dueAt);
    }
    return runOutboxItem({ event, step, runId }, async (item) => {
      const { followUpId } = followUpDuePayload.parse(item.payload);
      return serviceStep(step, "create-crm-task", () => runDueFollowUp(followUpId, new Date()), asOutboxFailure);
    });
  },
);
