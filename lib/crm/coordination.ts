// What CRM calls coordinate with every other process, through PostgreSQL: the
// request budget per CRM account (request-budget.ts), and serialization per key
// for work a CRM cannot make idempotent by itself (creating a phone-only
// contact: HubSpot's search lags and phone is not unique; a batch of notes).
import { withAdvisoryLocks } from "@/lib/db/locks";
import { takeRequestSlot, type RequestBudget } from "./request-budget";

export interface CrmCoordination {
  /** Resolves once one slot in every budget is taken. */
  takeSlot(budgets: readonly RequestBudget[]): Promise<void>;
  /** Runs `work` while no other process runs work for any of the same keys. */
  serialize<T>(keys: readonly string[], work: () => Promise<T>): Promise<T>;
}

export const sharedCoordination: CrmCoordination = {
  takeSlot: takeRequestSlot,
  serialize: (keys, work) => withAdvisoryLocks(keys.map((key) => `crm:${key}`), work),
};
