// Which CRM a workspace syncs to: its own choice (Settings), else CRM_PROVIDER.
// The internal CRM is the default. An adapter names its CRM account
// (accountKey): the request budget every process shares and the Inngest
// throttle are kept per account.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { CrmPermanentError } from "./errors";
import { createHubSpotAdapterFromEnv, type HubSpotCrmAdapter } from "./hubspot/adapter";
import { createInternalCrm } from "./internal/adapter";
import type { CrmAdapter, CrmSystem } from "./types";

let hubspot: HubSpotCrmAdapter | undefined;

export async function crmSystemFor(workspaceId: string): Promise<CrmSystem> {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { crmProvider: true } });
  if (!workspace) throw notFound("Workspace");
  return (workspace.crmProvider as CrmSystem | null) ?? env().CRM_PROVIDER;
}

export async function crmAdapterFor(workspaceId: string): Promise<CrmAdapter> {
  const system = await crmSystemFor(workspaceId);
  if (system === "hubspot") {
    if (!env().HUBSPOT_ACCESS_TOKEN) throw new CrmPermanentError("This workspace syncs to HubSpot, but HUBSPOT_ACCESS_TOKEN is not set.");
    hubspot ??= createHubSpotAdapterFromEnv();
    return hubspot;
  }
  return createInternalCrm(workspaceId);
}

/** The CRM account a workspace syncs to (its request budget's key); see CrmAdapter.accountKey. */
export async function crmAccountKeyFor(workspaceId: string): Promise<string> {
  return (await crmAdapterFor(workspaceId)).accountKey;
}
