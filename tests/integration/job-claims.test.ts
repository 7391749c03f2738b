// Claims that cannot be lost, under both runners of the same definition: a run
// whose claim another runner took over stops before its next side effect
// (fencing), and a long step keeps its claim alive (heartbeat).
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { defineJob, onlyItem } from "@/lib/jobs/definition";
import { directSteps, drainDueWork } from "@/lib/jobs/drain";
import { acceptClaimed, runJob } from "@/lib/jobs/run";
import { claimItems } from "@/lib/outbox/outbox";
import { inngest } from "@/inngest/client";
import { runJobInInngest } from "@/inngest/run-job";

let seq = 0;
async function workspaceId() {
  seq += 1;
  return (await db().workspace.create({ data: { name: `c ${seq}`, slug: `claims-${seq}`, defaultCountry: "BR" } })).id;
}

/** Two side effects; between them another runner takes the item over (as after a stall past the lease). */
function takeoverProbe(kind: string, sideEffects: string[]) {
  return defineJob({
    kind,
    payload: z.object({ label: z.string() }),
    async run({ items, step }) {
      const item = onlyItem(items);
      await step("first-call", async () => {
        sideEffects.push(`first ${item.payload.label}`);
        await db().outboxItem.update({ where: { id: item.id }, data: { claimedBy: "the-runner-that-took-over" } });
      });
      await step("second-call", async () => {
        sideEffects.push(`second ${item.payload.label}`);
      });
    },
  });
}

describe("fencing", () => {
  it("under jobs:drain, a run that lost its claim makes no further side effect and leaves the item to its new owner", async () => {
    const sideEffects: string[] = [];
    const probe = takeoverProbe("fence_drain", sideEffects);
    const { id } = await probe.enqueue(db(), { label: "drain" }, { workspaceId: await workspaceId(), availableAt: new Date(0) });

    const summary = await drainDueWork({ worker: "stalled-drain", definitions: [probe] });

    expect(sideEffects).toEqual(["first drain"]);
    expect(summary).toMatchObject({ claimed: 1, done: 0, retrying: 0, failed: 0, stopped: 1 });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "claimed", claimedBy: "the-runner-that-took-over", attempts: 1 });
  });

  it("under Inngest, the same definition stops the same way", async () => {
    const sideEffects: string[] = [];
    const probe = takeoverProbe("fence_inngest", sideEffects);
    const fn = inngest.createFunction({ id: "fence-inngest-probe", triggers: [{ event: "leadbridge/fence_inngest" }] }, ({ events, step, runId }) =>
      runJobInInngest(probe, { events, step, runId }),
    );
    const { id } = await probe.enqueue(db(), { label: "inngest" }, { workspaceId: await workspaceId(), availableAt: new Date(0) });

    const { result } = await new InngestTestEngine({ function: fn, events: [{ name: "leadbridge/fence_inngest", data: { outboxItemId: id } }] }).execute();

    expect(sideEffects).toEqual(["first inngest"]);
    expect(result).toMatchObject({ done: [], stopped: expect.stringMatching(/Another runner took over .*second-call/) });
    expect(await db().outboxItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "claimed", claimedBy: "the-runner-that-took-over" });
  });
});

describe("heartbeat", () => {
  it("renews the claim while a step runs, so a slow call does not lose it", async () => {
    const leases: number[] = [];
    const probe = defineJob({
      kind: "slow_probe",
      payload: z.object({}),
      async run({ items, step }) {
        const item = onlyItem(items);
        const lease = async () => (await db().outboxItem.findUniqueOrThrow({ where: { id: item.id } })).claimedUntil!.getTime();
        await step("slow-call", async () => {
          leases.push(await lease());
          await new Promise((resolve) => setTimeout(resolve, 600));
          leases.push(await lease());
        });
      },
    });
    const { id } = await probe.enqueue(db(), {}, { workspaceId: await workspaceId(), availableAt: new Date(0) });
    const worker = "slow-runner";
    const items = await acceptClaimed(probe, await claimItems([id], worker), worker);

    const outcome = await runJob(probe, items, { worker, steps: directSteps, now: () => new Date(), heartbeatMs: 100 });

    expect(outcome.done).toEqual([id]);
    expect(leases).toHaveLength(2);
    expect(leases[1]!).toBeGreaterThan(leases[0]!);
  });
});
