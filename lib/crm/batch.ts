// Batch results, the same for every CRM: a batch answers per record, a record
// the CRM refuses is reported in its own result and the others go on. Pure
// helpers over adapters' single-record calls (an adapter without batch
// requests does its records one by one) and for the one caller that wants a
// single record's answer or its refusal thrown.
import { CrmPermanentError } from "./errors";
import type { CrmBatchResult } from "./types";

/** A refusal of a whole account (bad token, missing scope) refuses every record, not one. */
export const refusesTheAccount = (error: CrmPermanentError) => error.status === 401 || error.status === 403;

/** Writes each input on its own: a refusal of that record is its result, anything else is thrown. */
export async function oneByOne<I, T extends object>(inputs: readonly I[], write: (input: I) => Promise<T>): Promise<CrmBatchResult<T>[]> {
  const results: CrmBatchResult<T>[] = [];
  for (const input of inputs) {
    try {
      results.push({ ok: true, ...(await write(input)) });
    } catch (error) {
      if (!(error instanceof CrmPermanentError) || refusesTheAccount(error)) throw error;
      results.push({ ok: false, reason: error.reason, status: error.status });
    }
  }
  return results;
}

/** The answer of a batch of one: the record, or its refusal thrown as a CrmPermanentError. */
export function onlyResult<T extends object>(results: readonly CrmBatchResult<T>[]): T {
  const [result] = results;
  if (!result) throw new Error("A batch of one answered nothing");
  if (!result.ok) throw new CrmPermanentError(result.reason, result.status);
  const record: Record<string, unknown> = { ...result };
  delete record.ok;
  return record as T;
}
