// Where a person opens a CRM record: the Contacts page for the internal CRM,
// the record's page in the connected HubSpot account (its portal id and UI
// domain: app.hubspot.com, app-eu1.hubspot.com, ...).
export type CrmAccountRef = { accountId: string; uiDomain: string | null };

export function crmContactUrl(system: string, crmContactId: string, account?: CrmAccountRef | null): string | null {
  if (system === "internal") return `/contacts#contact-${crmContactId}`;
  if (system === "hubspot" && account) {
    return `https://${account.uiDomain ?? "app.hubspot.com"}/contacts/${encodeURIComponent(account.accountId)}/record/0-1/${encodeURIComponent(crmContactId)}`;
  }
  return null;
}
