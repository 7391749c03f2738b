// HubSpot owners: the account's users who can own records. A lead's owner (a
// member of the workspace) owns its contact, deal, tasks and note in HubSpot
// when an owner of the account has the same email. Found by email and kept per
// account for a few minutes. A private app without the owners scope
// (crm.objects.owners.read) finds none: records stay unassigned, and the log says why.
import { CrmPermanentError } from "@/lib/crm/errors";
import type { CrmOwner } from "@/lib/crm/types";
import { logger } from "@/lib/log";
import type { HubSpotGateway } from "./gateway";

const KEEP_MS = 10 * 60_000;
// `${account key}|${email}` -> the owner id (or none) and when it was read.
const found = new Map<string, { ownerId: string | null; at: number }>();

async function lookUp(gateway: HubSpotGateway, email: string): Promise<string | null> {
  try {
    const page = await gateway.call("standard", (client) => client.crm.owners.ownersApi.getPage(email, undefined, 100, false));
    return page.results.find((owner) => owner.email?.toLowerCase() === email)?.id ?? null;
  } catch (error) {
    if (!(error instanceof CrmPermanentError) || error.status !== 403) throw error;
    logger.warn({ account: gateway.accountKey }, "HubSpot owners cannot be read (the private app needs crm.objects.owners.read): records stay unassigned");
    return null;
  }
}

/** The HubSpot owner id for a lead's owner, or null when the account has no user with that email. */
export async function hubSpotOwnerId(gateway: HubSpotGateway, owner: CrmOwner | null | undefined, now = Date.now()): Promise<string | null> {
  if (!owner) return null;
  const email = owner.email.trim().toLowerCase();
  const key = `${gateway.accountKey}|${email}`;
  const cached = found.get(key);
  if (cached && now - cached.at < KEEP_MS) return cached.ownerId;
  const ownerId = await lookUp(gateway, email);
  found.set(key, { ownerId, at: now });
  return ownerId;
}

/** `hubspot_owner_id` when there is an owner to set, else nothing (an empty value would clear one). */
export const ownerProperty = (ownerId: string | null): Record<string, string> => (ownerId ? { hubspot_owner_id: ownerId } : {});
