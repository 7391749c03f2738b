// A workspace's HubSpot account as LeadBridge uses it: the gateway for a token
// (HUBSPOT_BASE_URL and the deadline are the deployment's; the request budget is
// the account's), the read call behind "Test connection", what Settings -> CRM
// offers to map to, and the adapter built from a stored connection and its mapping.
import type { CrmMapping, CrmMappingOptions } from "@/lib/crm/mapping";
import { scorePropertyNames } from "@/lib/crm/mapping";
import type { CrmAccount } from "@/lib/crm/types";
import { env } from "@/lib/env";
import { listDealPipelines, listWritableTextProperties, readAccount } from "./account";
import { HubSpotCrmAdapter } from "./adapter";
import { createHubSpotGateway, type HubSpotConfig, type HubSpotGateway } from "./gateway";
import { DEFAULT_DEAL_PLACEMENT } from "./leads";
import { CUSTOM_PROPERTIES, SCORE_PROPERTIES } from "./properties";

/** What the adapter needs of a stored connection (the token already opened). */
export interface HubSpotConnection {
  accessToken: string;
  accountId: string;
  requestsPer10s: number;
  mapping: CrmMapping;
}

function gatewayConfig(accessToken: string, accountId?: string, requestsPer10s?: number): HubSpotConfig {
  const config = env();
  return {
    accessToken,
    basePath: config.HUBSPOT_BASE_URL,
    timeoutMs: config.HUBSPOT_TIMEOUT_MS,
    rateLimit: { limit: Math.min(requestsPer10s ?? config.HUBSPOT_REQUESTS_PER_10S, config.HUBSPOT_REQUESTS_PER_10S), windowMs: 10_000 },
    // Workspaces connected to one portal share its budget (the gateway keys it by portal id).
    ...(accountId ? { portalId: accountId } : {}),
  };
}

/** A gateway for one token, e.g. to test it before it is stored. */
export function hubSpotGateway(accessToken: string, connection?: Pick<HubSpotConnection, "accountId" | "requestsPer10s">): HubSpotGateway {
  return createHubSpotGateway(gatewayConfig(accessToken, connection?.accountId, connection?.requestsPer10s));
}

/** "Test connection": one read call that names the account and its limits, or throws the CRM's error. */
export function probeHubSpot(accessToken: string): Promise<CrmAccount> {
  return readAccount(hubSpotGateway(accessToken));
}

/** LeadBridge's own contact fields for the labeled scores, as the mapping offers them. */
export const OWN_SCORE_PROPERTIES = Object.fromEntries(
  (Object.entries(SCORE_PROPERTIES) as [keyof typeof SCORE_PROPERTIES, string][]).map(([field, name]) => [
    field,
    { name, label: `${CUSTOM_PROPERTIES.find((property) => property.name === name)!.label} (LeadBridge)` },
  ]),
) as CrmMappingOptions["ownScoreProperties"];

/** HubSpot's contact fields our name, email, phone and company go to (the preview names them). */
export const HUBSPOT_CONTACT_FIELDS = { name: "First name + Last name", email: "Email", phone: "Phone number", company: "Company name", owner: "Contact owner (the HubSpot user with the lead owner's email)" } as const;

/** The account's deal pipelines and the contact properties a score may go to. */
export async function hubSpotMappingOptions(connection: Pick<HubSpotConnection, "accessToken" | "accountId" | "requestsPer10s">): Promise<CrmMappingOptions> {
  const gateway = hubSpotGateway(connection.accessToken, connection);
  const [pipelines, properties] = await Promise.all([listDealPipelines(gateway), listWritableTextProperties(gateway)]);
  const own = new Set(Object.values(SCORE_PROPERTIES) as string[]);
  return { pipelines, properties: properties.filter((property) => !own.has(property.name)), ownScoreProperties: OWN_SCORE_PROPERTIES };
}

export function createHubSpotAdapter(connection: HubSpotConnection): HubSpotCrmAdapter {
  const { mapping } = connection;
  return new HubSpotCrmAdapter({
    ...gatewayConfig(connection.accessToken, connection.accountId, connection.requestsPer10s),
    // Saving a mapping always stores the stage with its pipeline (lib/crm/connections.ts).
    dealPlacement: mapping.dealPipelineId && mapping.dealStageId ? { pipeline: mapping.dealPipelineId, dealStage: mapping.dealStageId } : DEFAULT_DEAL_PLACEMENT,
    scoreProperties: scorePropertyNames(mapping, SCORE_PROPERTIES),
    overwriteFields: mapping.overwriteFields,
  });
}
