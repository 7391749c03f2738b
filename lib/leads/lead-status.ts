// The lead vocabulary in one place: a LeadProposal's review statuses (which
// are still open for review, which are done), its CRM sync statuses, and the
// reasons a reviewer may reject one. Pure and browser-safe; the words people
// read for each live in app/_components/lead-words.ts.

export const LEAD_STATUSES = ["pending", "proposed", "insufficient", "failed", "approved", "merged", "rejected"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** Waiting for a reviewer's decision: approve, merge and reject act on these. */
export const OPEN_STATUSES = ["pending", "proposed", "insufficient", "failed"] as const satisfies readonly LeadStatus[];
/** A reviewer decided (undoable for a minute). */
export const DONE_STATUSES = ["approved", "merged", "rejected"] as const satisfies readonly LeadStatus[];

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export const SYNC_STATUSES = ["none", "queued", "syncing", "synced", "failed"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export const REJECT_REASONS = ["spam", "not_a_lead", "duplicate", "wrong_number", "other"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
