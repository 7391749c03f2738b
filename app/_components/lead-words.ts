// What people read for the lead vocabulary (lib/leads/lead-status.ts and the
// queue's filters): every status, sync state and reject reason in plain words,
// in one place, so no raw code ("sync none") reaches the screen.
import type { LeadStatus, RejectReason, SyncStatus } from "@/lib/leads/lead-status";

export const LEAD_STATUS_WORDS: Record<LeadStatus | "not_extracted", string> = {
  pending: "Waiting for extraction",
  proposed: "Ready to review",
  insufficient: "Missing details",
  failed: "Extraction failed",
  approved: "Approved",
  merged: "Merged into a contact",
  rejected: "Rejected",
  not_extracted: "Not extracted yet",
};

/** The CRM sync state; null when there is nothing worth saying (not approved yet). */
export const SYNC_STATUS_WORDS: Record<SyncStatus, string | null> = {
  none: null,
  queued: "Will be sent to the CRM",
  syncing: "Sending to the CRM",
  synced: "In the CRM",
  failed: "CRM sync failed",
};

export const REJECT_REASON_WORDS: Record<RejectReason, string> = {
  not_a_lead: "Not a lead",
  spam: "Spam",
  duplicate: "Duplicate",
  wrong_number: "Wrong number",
  other: "Other",
};

export const URGENCY_WORDS: Record<string, string> = { high: "High", medium: "Medium", low: "Low" };

export function leadStatusWords(status: string): string {
  return LEAD_STATUS_WORDS[status as LeadStatus] ?? status;
}

export function syncStatusWords(status: string): string | null {
  return status in SYNC_STATUS_WORDS ? SYNC_STATUS_WORDS[status as SyncStatus] : status;
}
