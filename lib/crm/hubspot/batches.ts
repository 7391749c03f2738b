// HubSpot's batch writes, answered record by record. Every input carries an
// objectWriteTraceId of ours (its key: an email, a conversation id, a lead
// id), so HubSpot answers 207 Multi-Status naming each refused input in its
// error's context and each written one in its result, in whatever order: one
// refused record fails alone. A batch HubSpot still refuses as a whole (a 4xx
// for one bad input) is split in halves until the refused input stands alone
// (a few requests, not one per record). Inputs HubSpot answered neither way
// fail the call as transient: every write here is keyed, so the retry finds
// what this one made.
import { refusesTheAccount } from "@/lib/crm/batch";
import { CrmPermanentError, CrmTransientError } from "@/lib/crm/errors";

/** HubSpot takes at most 100 inputs per batch call. */
export const HUBSPOT_BATCH_LIMIT = 100;

export function chunk<T>(items: readonly T[], size = HUBSPOT_BATCH_LIMIT): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** What a traced batch write answers (the official client's batch response, as we read it). */
export interface TracedAnswer<R> {
  results: (R & { objectWriteTraceId?: string })[];
  errors?: BatchError[];
}

/** One error of a 207 Multi-Status answer: which inputs (context) and why. */
export type BatchError = { message: string; category?: string; context?: Record<string, string[]> };

/** The HTTP status HubSpot gives the same refusal of a single record. */
export function refusalStatus(error: BatchError): number {
  if (error.category === "OBJECT_NOT_FOUND") return 404;
  if (error.category === "CONFLICT" || error.category === "OBJECT_ALREADY_EXISTS") return 409;
  return 400;
}

/** Per trace id: the record HubSpot wrote, or why it refused that input. */
export type TracedOutcome<R> = { ok: true; record: R } | { ok: false; reason: string; status?: number };

/**
 * Sends `inputs` (each with its trace id) in batches of 100 through `send`,
 * and answers per trace id. A result without its trace id is matched by what
 * it says (`traceOfResult`, e.g. the key property it was written with).
 * Throws what fails the whole call (rate limit, outage, a refused token) and
 * for inputs HubSpot answered nothing about.
 */
export async function writeTraced<I, R>(
  inputs: readonly I[],
  traceOf: (input: I) => string,
  send: (part: I[]) => Promise<TracedAnswer<R>>,
  traceOfResult: (record: R) => string | undefined = () => undefined,
): Promise<Map<string, TracedOutcome<R>>> {
  const outcomes = new Map<string, TracedOutcome<R>>();
  async function write(part: I[]): Promise<void> {
    let answer: TracedAnswer<R>;
    try {
      answer = await send(part);
    } catch (error) {
      if (!(error instanceof CrmPermanentError) || refusesTheAccount(error)) throw error;
      if (part.length === 1) {
        outcomes.set(traceOf(part[0]!), { ok: false, reason: error.reason, status: error.status });
        return;
      }
      const half = Math.ceil(part.length / 2);
      await write(part.slice(0, half));
      await write(part.slice(half));
      return;
    }
    for (const result of answer.results) {
      const trace = result.objectWriteTraceId ?? traceOfResult(result);
      if (trace) outcomes.set(trace, { ok: true, record: result });
    }
    for (const error of answer.errors ?? []) {
      for (const trace of error.context?.objectWriteTraceId ?? []) outcomes.set(trace, { ok: false, reason: error.message, status: refusalStatus(error) });
    }
    const unanswered = part.map(traceOf).filter((trace) => !outcomes.has(trace));
    if (unanswered.length > 0) throw new CrmTransientError(`HubSpot answered nothing about ${unanswered.length} of ${part.length} records (e.g. ${unanswered[0]})`);
  }
  for (const part of chunk(inputs)) await write(part);
  return outcomes;
}
