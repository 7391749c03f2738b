// Connecting a test workspace to a fake HubSpot account through the same
// service Settings -> CRM and crm:connect use (HUBSPOT_BASE_URL pointed at the
// fake first).
import { connectCrm } from "@/lib/crm/connections";
import { db } from "@/lib/db/client";
import { reloadEnv } from "@/lib/env";

export const TEST_ACTOR = { actorType: "system" as const, actorId: null, actorLabel: "test" };

/** Points the deployment's HubSpot address at a fake (one account or several behind one URL). */
export function useFakeHubSpot(url: string, extra: Record<string, string> = {}): () => void {
  const names = ["HUBSPOT_BASE_URL", ...Object.keys(extra)];
  process.env.HUBSPOT_BASE_URL = url;
  Object.assign(process.env, extra);
  reloadEnv();
  return () => {
    for (const name of names) delete process.env[name];
    reloadEnv();
  };
}

/**
 * Connects the workspace to the account behind `accessToken`. `requestsPer10s`
 * overrides the budget the account advertised (e.g. to make a test hit the
 * fake's own limit).
 */
export async function connectHubSpot(workspaceId: string, accessToken: string, options: { requestsPer10s?: number } = {}) {
  const result = await connectCrm(workspaceId, { provider: "hubspot", accessToken }, TEST_ACTOR);
  if (options.requestsPer10s) await db().crmConnection.update({ where: { workspaceId }, data: { requestsPer10s: options.requestsPer10s } });
  return result;
}
