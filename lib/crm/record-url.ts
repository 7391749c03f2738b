// Where a person opens a CRM record: the contact's page for the internal CRM,
// HubSpot's contact page when its portal (account) id is configured.
import { env } from "@/lib/env";

export function crmContactUrl(system: string, crmContactId: string, portalId = env().HUBSPOT_PORTAL_ID): string | null {
  if (system === "internal") return `/contacts/${encodeURIComponent(crmContactId)}`;
  if (system === "hubspot" && portalId) return `https://app.hubspot.com/contacts/${encodeURIComponent(portalId)}/record/0-1/${encodeURIComponent(crmContactId)}`;
  return null;
}
