// The words a synced lead's CRM records carry, in one place so the sync and the
// Settings preview agree. Pure.

/** The title of the lead (HubSpot: the deal's name). */
export function crmLeadTitle(name: string, productInterest: string | null): string {
  return `WhatsApp lead: ${name}${productInterest ? ` — ${productInterest}` : ""}`;
}
