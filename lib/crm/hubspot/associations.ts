// HubSpot associations through the v4 batch endpoints: the default
// (unlabeled) association for many pairs at once (associating twice is
// harmless, so every retry re-makes them), and the objects of one type
// associated with many records (read at once, unlike search, which lags).
// A pair HubSpot refuses fails alone: a per-pair error in the answer, or a
// batch refused as a whole split in halves until the refused pair stands alone.
import { refusesTheAccount } from "@/lib/crm/batch";
import { CrmPermanentError, CrmTransientError } from "@/lib/crm/errors";
import { chunk, refusalStatus } from "./batches";
import type { HubSpotGateway } from "./gateway";

export type AssociatedType = "contacts" | "deals" | "notes" | "tasks";

/** One pair to associate; `index` is the caller's, to find its answer. */
export type AssociationPair = { index: number; fromId: string; toId: string };

type PairOutcome = { ok: true } | { ok: false; reason: string; status?: number };

/** Makes the default association of every pair (one request per 100); per pair index, done or refused. */
export async function associateDefaults(
  gateway: HubSpotGateway,
  fromType: AssociatedType,
  toType: AssociatedType,
  pairs: readonly AssociationPair[],
): Promise<Map<number, PairOutcome>> {
  const outcomes = new Map<number, PairOutcome>();
  async function associate(part: AssociationPair[]): Promise<void> {
    let answer;
    try {
      answer = await gateway.call("standard", (client) =>
        client.crm.associations.v4.batchApi.createDefault(fromType, toType, { inputs: part.map((pair) => ({ _from: { id: pair.fromId }, to: { id: pair.toId } })) }));
    } catch (error) {
      if (!(error instanceof CrmPermanentError) || refusesTheAccount(error)) throw error;
      if (part.length === 1) return void outcomes.set(part[0]!.index, { ok: false, reason: error.reason, status: error.status });
      const half = Math.ceil(part.length / 2);
      await associate(part.slice(0, half));
      await associate(part.slice(half));
      return;
    }
    const made = new Set(answer.results.map((result) => `${result._from.id}>${result.to.id}`));
    const errors = answer.errors ?? [];
    const refusals = errors.map((error) => error.message).join("; ");
    for (const pair of part) {
      if (made.has(`${pair.fromId}>${pair.toId}`)) outcomes.set(pair.index, { ok: true });
      else if (errors[0]) outcomes.set(pair.index, { ok: false, reason: refusals, status: refusalStatus(errors[0]) });
      else throw new CrmTransientError(`HubSpot answered nothing about associating ${fromType} ${pair.fromId} with ${toType} ${pair.toId}`);
    }
  }
  for (const part of chunk(pairs)) await associate(part);
  return outcomes;
}

/** HubSpot reads the associations of at most 1,000 records per request. */
const ASSOCIATIONS_READ_LIMIT = 1_000;

/** The ids of the `toType` objects associated with each record (every page), by record id. */
export async function associatedIds(gateway: HubSpotGateway, fromType: AssociatedType, toType: AssociatedType, fromIds: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>(fromIds.map((id) => [id, []]));
  let pending: { id: string; after?: string }[] = [...found.keys()].map((id) => ({ id }));
  while (pending.length > 0) {
    const next: { id: string; after?: string }[] = [];
    for (const part of chunk(pending, ASSOCIATIONS_READ_LIMIT)) {
      const answer = await gateway.call("standard", (client) => client.crm.associations.v4.batchApi.getPage(fromType, toType, { inputs: part }));
      for (const result of answer.results) {
        found.get(result._from.id)?.push(...result.to.map((to) => String(to.toObjectId)));
        const after = result.paging?.next?.after;
        if (after) next.push({ id: result._from.id, after });
      }
    }
    pending = next;
  }
  return found;
}
