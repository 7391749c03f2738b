// One Inngest function per job definition (lib/jobs/registry.ts), triggered
// by its `leadbridge/<kind>` event. What a definition asks for maps to
// Inngest's flow control: batches per workspace, a throttle per CRM account
// (runs start only as its request budget allows; the budget itself is shared
// in PostgreSQL), one run at a time per item.
import type { AnyJobDefinition } from "@/lib/jobs/definition";
import { jobDefinitions } from "@/lib/jobs/registry";
import { env } from "@/lib/env";
import { inngest } from "./client";
import { jobEventName } from "./events";
import { runJobInInngest } from "./run-job";

/**
 * Inngest retries only when our own bookkeeping failed (a job's failures are
 * retried by sending a new event when due); after these, the run's items are
 * given up (release-ended-runs).
 */
const BOOKKEEPING_RETRIES = 4;

/** The CRM account's window, as HubSpot counts it. */
const CRM_WINDOW = "10s";

const functionId = (kind: string) => kind.replaceAll("_", "-");

function inngestFunctionFor(definition: AnyJobDefinition) {
  const { batch, crmRequestsPerRun, oneRunPerItem } = definition;
  return inngest.createFunction(
    {
      id: functionId(definition.kind),
      triggers: [{ event: jobEventName(definition.kind) }],
      retries: BOOKKEEPING_RETRIES,
      ...(batch ? { batchEvents: { maxSize: batch.maxSize, timeout: "5s", key: "event.data.workspaceId" } } : {}),
      ...(crmRequestsPerRun
        ? { throttle: { key: "event.data.crmAccount", limit: Math.max(1, Math.floor(env().HUBSPOT_REQUESTS_PER_10S / crmRequestsPerRun)), period: CRM_WINDOW } }
        : {}),
      ...(oneRunPerItem ? { concurrency: { limit: 1, key: "event.data.outboxItemId" } } : {}),
    },
    async ({ events, step, runId }) => runJobInInngest(definition, { events, step, runId }),
  );
}

export const jobFunctions = jobDefinitions.map(inngestFunctionFor);

/** The Inngest function of a job kind. */
export function jobFunction(kind: string) {
  const found = jobFunctions.find((fn) => fn.opts.id === functionId(kind));
  if (!found) throw new Error(`No Inngest function for job kind ${kind}`);
  return found;
}
