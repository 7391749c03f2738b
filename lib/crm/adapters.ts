// Which CRM a workspace syncs to: the account it connected (Settings -> CRM or
// crm:connect), else the internal CRM. There is no deployment-wide account.
// Adapters are kept per connection and rebuilt when it changes (a new token,
// account or mapping); their request budget belongs to the connected account,
// so workspaces connected to one account share it.
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { openCrmConnection, type OpenedCrmConnection } from "./connections";
import { createHubSpotAdapter } from "./hubspot/connection";
import { createInternalCrm } from "./internal/adapter";
import type { ConnectableCrm, CrmAdapter, CrmSystem } from "./types";

const ADAPTERS: Record<ConnectableCrm, (connection: OpenedCrmConnection) => CrmAdapter> = { hubspot: createHubSpotAdapter };

// Workspace id -> the adapter built from its connection's current version.
const cache = new Map<string, { version: string; adapter: CrmAdapter }>();

export async function crmSystemFor(workspaceId: string): Promise<CrmSystem> {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { crmConnection: { select: { provider: true } } } });
  if (!workspace) throw notFound("Workspace");
  return (workspace.crmConnection?.provider as ConnectableCrm | undefined) ?? "internal";
}

export async function crmAdapterFor(workspaceId: string): Promise<CrmAdapter> {
  const connection = await openCrmConnection(workspaceId);
  if (!connection) {
    cache.delete(workspaceId);
    return createInternalCrm(workspaceId);
  }
  const cached = cache.get(workspaceId);
  if (cached?.version === connection.version) return cached.adapter;
  const adapter = ADAPTERS[connection.provider](connection);
  cache.set(workspaceId, { version: connection.version, adapter });
  return adapter;
}

/**
 * The CRM account a workspace syncs to (its request budget's key, the job
 * throttle's key), read without opening the token: the same as the adapter's
 * CrmAdapter.accountKey, so workspaces connected to one portal share it.
 */
export async function crmAccountKeyFor(workspaceId: string): Promise<string> {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { crmConnection: { select: { provider: true, accountId: true } } } });
  if (!workspace) throw notFound("Workspace");
  const connection = workspace.crmConnection;
  return connection ? `${connection.provider}:${connection.accountId}` : `internal:${workspaceId}`;
}
