// Work whose runner is gone: an expired lease (the runner died or stalled) is
// taken back by whichever runner looks next (jobs:drain on every pass, the
// scheduled Inngest function every minute); an Inngest run that failed or was
// cancelled gives its items up at once. Either way an item that used its last
// attempt ends failed, with the reason shown to people.
import { itemsClaimedBy, takeBackExpiredClaims } from "@/lib/outbox/outbox";
import { logger } from "@/lib/log";
import type { AnyJobDefinition } from "./definition";
import { jobDefinition, jobDefinitions } from "./registry";
import { acceptClaimed, announceGiveUp, giveUpItem } from "./run";

export const EXPIRED_CLAIM = "The runner working on it stopped before finishing (its claim expired).";

/** Takes back expired claims; returns how many of them used their last attempt and failed. */
export async function takeBackExpiredWork(now = new Date(), definitions: readonly AnyJobDefinition[] = jobDefinitions): Promise<number> {
  const failed = await takeBackExpiredClaims(now, EXPIRED_CLAIM);
  for (const item of failed) {
    const definition = definitions.find((candidate) => candidate.kind === item.kind);
    const reason = `Gave up after ${item.attempts} attempts: ${EXPIRED_CLAIM}`;
    if (definition) await announceGiveUp(definition, item, reason);
    logger.warn({ area: "jobs", kind: item.kind, outboxItemId: item.id }, "gave up on work whose runner kept stopping");
  }
  return failed.length;
}

/** Gives up the items a runner still holds (its Inngest run failed or was cancelled). */
export async function giveUpWorkOf(worker: string, reason: string): Promise<number> {
  let given = 0;
  for (const item of await itemsClaimedBy(worker)) {
    const definition = jobDefinition(item.kind);
    if (!definition) continue;
    const [accepted] = await acceptClaimed(definition, [item], worker);
    if (accepted && (await giveUpItem(definition, accepted, worker, reason))) given += 1;
  }
  return given;
}
