// Where a person opens a CRM record: the contact's page for the internal CRM,
// the record's page in the HubSpot account the link belongs to (its portal id,
// and the UI domain the connected account reported: app.hubspot.com,
// app-eu1.hubspot.com, ...). Links made before accounts were told apart have no page.
export type CrmLinkRef = { crmSystem: string; crmContactId: string; crmAccount: string };
export type ConnectedAccountRef = { accountId: string; uiDomain: string | null };

const HUBSPOT = "hubspot:";

export function crmContactUrl(link: CrmLinkRef, connected?: ConnectedAccountRef | null): string | null {
  if (link.crmSystem === "internal") return `/contacts/${encodeURIComponent(link.crmContactId)}`;
  if (link.crmSystem !== "hubspot" || !link.crmAccount.startsWith(HUBSPOT)) return null;
  const portal = link.crmAccount.slice(HUBSPOT.length);
  const domain = (connected?.accountId === portal ? connected.uiDomain : null) ?? "app.hubspot.com";
  return `https://${domain}/contacts/${encodeURIComponent(portal)}/record/0-1/${encodeURIComponent(link.crmContactId)}`;
}
