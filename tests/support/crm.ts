// Connecting a test workspace to a fake HubSpot account through the same
// service Settings -> CRM and crm:connect use (HUBSPOT_BASE_URL pointed at the
// fake first: tests/support/hubspot.ts).
import { connectCrm } from "@/lib/crm/connections";
import { db } from "@/lib/db/client";

export const TEST_ACTOR = { actorType: "system" as const, actorId: null, actorLabel: "test" };

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
