// Group commit: many callers each ask for one row to be written, and the calls
// that arrive while earlier writes are in flight are written together by the
// next write. A burst of N requests costs a handful of statements instead of N,
// and each caller still hears only when its own row is committed (or the error
// that stopped its batch). Nothing waits on a timer: an idle writer writes the
// first call at once, so a lone request pays no extra latency.

export type GroupCommitLimits<T> = {
  /** Most items in one write. */
  maxItems: number;
  /** Most bytes (by `sizeOf`) in one write; an item larger than this goes alone. */
  maxBytes: number;
  sizeOf: (item: T) => number;
  /** Writes in flight at once (a second batch fills while the first commits). */
  concurrency: number;
};

type Waiting<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

/**
 * Wraps `writeAll` (which writes its items in one statement and returns one
 * result per item, in order) as a one-item call that is batched with its
 * concurrent neighbours.
 */
export function groupCommit<T, R>(writeAll: (items: T[]) => Promise<R[]>, limits: GroupCommitLimits<T>): (item: T) => Promise<R> {
  const queue: Waiting<T, R>[] = [];
  let inFlight = 0;

  const takeBatch = (): Waiting<T, R>[] => {
    const batch: Waiting<T, R>[] = [];
    let bytes = 0;
    while (queue.length > 0 && batch.length < limits.maxItems) {
      const size = limits.sizeOf(queue[0]!.item);
      if (batch.length > 0 && bytes + size > limits.maxBytes) break;
      batch.push(queue.shift()!);
      bytes += size;
    }
    return batch;
  };

  const pump = () => {
    while (inFlight < limits.concurrency && queue.length > 0) {
      const batch = takeBatch();
      inFlight += 1;
      writeAll(batch.map((waiting) => waiting.item))
        .then((results) => {
          if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
          batch.forEach((waiting, index) => waiting.resolve(results[index]!));
        })
        .catch((error: unknown) => {
          for (const waiting of batch) waiting.reject(error);
        })
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  };

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}
