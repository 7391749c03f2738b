// Argon2 runs at most HASH_CONCURRENCY at a time; past HASH_QUEUE waiting,
// callers are refused with 503 instead of piling up memory and CPU.
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { HASH_CONCURRENCY, HASH_QUEUE, hashLoad, hashPassword, verifyPassword } from "./passwords";

describe("password hashing", () => {
  it("verifies what it hashed, refuses other passwords and over-long input", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "wrong horse battery")).toBe(false);
    expect(await verifyPassword(hash, "x".repeat(10_000))).toBe(false);
    expect(await verifyPassword("not a hash", "correct horse battery")).toBe(false);
  });

  it("refuses new passwords outside 10 to 200 characters, naming the field", async () => {
    await expect(hashPassword("short")).rejects.toMatchObject({ code: "validation_failed", details: { errors: [{ path: "password" }] } });
    await expect(hashPassword("x".repeat(201))).rejects.toBeInstanceOf(AppError);
  });

  it("runs at most HASH_CONCURRENCY at once and refuses callers past the queue with 503", async () => {
    const hash = await hashPassword("correct horse battery");
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, hashLoad().running)), 1);
    const total = HASH_CONCURRENCY + HASH_QUEUE + 10;
    const outcomes = await Promise.allSettled(Array.from({ length: total }, () => verifyPassword(hash, "wrong horse battery")));
    clearInterval(sampler);
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused.length).toBe(10);
    for (const outcome of refused) expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: "unavailable" });
    expect(outcomes.filter((o) => o.status === "fulfilled" && o.value === false).length).toBe(HASH_CONCURRENCY + HASH_QUEUE);
    expect(peak).toBeLessThanOrEqual(HASH_CONCURRENCY);
    expect(hashLoad()).toEqual({ running: 0, waiting: 0 });
  }, 120_000);
});
