import { describe, expect, it } from "vitest";
import { groupCommit } from "./group-commit";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

describe("groupCommit", () => {
  it("writes a lone call at once, and the calls that arrive meanwhile together in the next write", async () => {
    const writes: string[][] = [];
    const gates = [deferred(), deferred()];
    const write = groupCommit(
      async (items: string[]) => {
        writes.push(items);
        await gates[writes.length - 1]?.promise;
        return items.map((item) => item.toUpperCase());
      },
      { maxItems: 100, maxBytes: 1_000, sizeOf: (item) => item.length, concurrency: 1 },
    );
    const first = write("a");
    const later = ["b", "c", "d"].map((item) => write(item));
    expect(writes).toEqual([["a"]]);
    gates[0]!.resolve();
    expect(await first).toBe("A");
    gates[1]!.resolve();
    expect(await Promise.all(later)).toEqual(["B", "C", "D"]);
    expect(writes).toEqual([["a"], ["b", "c", "d"]]);
  });

  it("bounds a write by items and by bytes; an item over the byte bound goes alone", async () => {
    const writes: string[][] = [];
    const gate = deferred();
    const write = groupCommit(
      async (items: string[]) => {
        writes.push(items);
        await gate.promise;
        return items;
      },
      { maxItems: 2, maxBytes: 5, sizeOf: (item) => item.length, concurrency: 1 },
    );
    const calls = ["x", "yy", "zzz", "wwwwwwww", "v"].map((item) => write(item));
    gate.resolve();
    expect(await Promise.all(calls)).toEqual(["x", "yy", "zzz", "wwwwwwww", "v"]);
    expect(writes).toEqual([["x"], ["yy", "zzz"], ["wwwwwwww"], ["v"]]);
  });

  it("rejects every call of a failed write, and later calls still write", async () => {
    let fail = true;
    const write = groupCommit(
      async (items: number[]) => {
        await Promise.resolve();
        if (fail) throw new Error("database down");
        return items.map((item) => item * 2);
      },
      { maxItems: 10, maxBytes: 10, sizeOf: () => 1, concurrency: 2 },
    );
    const failed = await Promise.allSettled([write(1), write(2), write(3)]);
    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    fail = false;
    expect(await Promise.all([write(4), write(5)])).toEqual([8, 10]);
  });

  it("keeps at most `concurrency` writes in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const write = groupCommit(
      async (items: number[]) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        return items;
      },
      { maxItems: 3, maxBytes: 100, sizeOf: () => 1, concurrency: 2 },
    );
    const results = await Promise.all(Array.from({ length: 20 }, (_, index) => write(index)));
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(most).toBe(2);
  });

  it("rejects the batch when the writer answers a different number of results", async () => {
    const write = groupCommit(async () => [], { maxItems: 10, maxBytes: 10, sizeOf: () => 1, concurrency: 1 });
    await expect(write("a")).rejects.toThrow(/0 results for 1 items/);
  });
});
