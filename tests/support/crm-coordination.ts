// CRM coordination for unit tests of the HubSpot adapter, which run without
// PostgreSQL: the same sliding-window budget rule (lib/crm/rate-limit.ts) and
// per-key serialization kept in this process's memory, or no budget at all (to
// see HubSpot's own 429s). Integration tests use the real, shared one.
import type { CrmCoordination } from "@/lib/crm/coordination";
import { takeSlot } from "@/lib/crm/rate-limit";

function serializeInMemory(): CrmCoordination["serialize"] {
  const tails = new Map<string, Promise<unknown>>();
  return (keys, work) => {
    const before = Promise.all(keys.map((key) => tails.get(key)));
    const result = before.then(work, work);
    for (const key of keys) tails.set(key, result.catch(() => undefined));
    return result;
  };
}

export function inProcessCoordination(): CrmCoordination {
  const windows = new Map<string, number[]>();
  return {
    async takeSlot(budgets) {
      for (;;) {
        const slot = takeSlot(windows, budgets, Date.now());
        if (slot.waitMs === 0) {
          for (const [key, sentAt] of slot.sentAt) windows.set(key, sentAt);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
      }
    },
    serialize: serializeInMemory(),
  };
}

/** No request budget: every request goes out at once. */
export function withoutBudget(): CrmCoordination {
  return { takeSlot: async () => {}, serialize: serializeInMemory() };
}
