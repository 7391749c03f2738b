// Request budgets for unit tests of the HubSpot adapter, which run without
// PostgreSQL: the same sliding-window rule as the shared budget
// (lib/crm/rate-limit.ts) kept in this process's memory, or no budget at all
// (to see HubSpot's own 429s). Integration tests use the real, shared one.
import { takeSlot, type RequestBudget } from "@/lib/crm/rate-limit";

export function inMemoryRequestBudget(): (budgets: readonly RequestBudget[]) => Promise<void> {
  const windows = new Map<string, number[]>();
  return async (budgets) => {
    for (;;) {
      const slot = takeSlot(windows, budgets, Date.now());
      if (slot.waitMs === 0) {
        for (const [key, sentAt] of slot.sentAt) windows.set(key, sentAt);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
    }
  };
}

export const noRequestBudget = async (): Promise<void> => {};
