// What a HubSpot account tells about itself: who it is (portal id, name, time
// zone, UI domain) and its API limits, from one read call (the limits come in
// HubSpot's X-HubSpot-RateLimit-* headers); its deal pipelines with their
// stages; and the contact properties a labeled score can be written to.
import type { CrmAccount, CrmPipeline, CrmPropertyOption } from "@/lib/crm/types";
import type { HubSpotGateway } from "./gateway";

/** HubSpot's account details (GET /account-info/v3/details); newer API versions add portalName. */
type AccountDetails = { portalId?: number | string; portalName?: string; timeZone?: string; uiDomain?: string };

function headerNumber(headers: Headers, name: string): number | null {
  const value = Number(headers.get(name));
  return headers.has(name) && Number.isFinite(value) ? value : null;
}

/** The account's burst limit scaled to 10 s (HubSpot states it per interval). */
function requestsPer10s(headers: Headers): number | null {
  const max = headerNumber(headers, "x-hubspot-ratelimit-max");
  const intervalMs = headerNumber(headers, "x-hubspot-ratelimit-interval-milliseconds");
  if (max === null || !intervalMs) return null;
  return Math.max(1, Math.floor((max * 10_000) / intervalMs));
}

export async function readAccount(gateway: HubSpotGateway): Promise<CrmAccount> {
  const { body, headers } = await gateway.getJson("/account-info/v3/details");
  const details = (body ?? {}) as AccountDetails;
  if (details.portalId === undefined) throw new Error("HubSpot's account details named no portal id.");
  return {
    provider: "hubspot",
    accountId: String(details.portalId),
    name: details.portalName?.trim() || null,
    timeZone: details.timeZone ?? null,
    uiDomain: details.uiDomain ?? null,
    limits: {
      requestsPer10s: requestsPer10s(headers),
      dailyLimit: headerNumber(headers, "x-hubspot-ratelimit-daily"),
      dailyRemaining: headerNumber(headers, "x-hubspot-ratelimit-daily-remaining"),
    },
  };
}

/** Deal pipelines and their stages, in HubSpot's display order, archived ones left out. */
export async function listDealPipelines(gateway: HubSpotGateway): Promise<CrmPipeline[]> {
  const response = await gateway.call("standard", (client) => client.crm.pipelines.pipelinesApi.getAll("deals"));
  return response.results
    .filter((pipeline) => !pipeline.archived)
    .sort((a, b) => a.displayOrder - b.displayOrder)
    .map((pipeline) => ({
      id: pipeline.id,
      label: pipeline.label,
      stages: pipeline.stages
        .filter((stage) => !stage.archived)
        .sort((a, b) => a.displayOrder - b.displayOrder)
        .map((stage) => ({ id: stage.id, label: stage.label })),
    }));
}

// Field types that hold a sentence of words (a labeled score is one).
const TEXT_FIELD_TYPES = new Set(["text", "textarea"]);

/** Contact properties a person may write words into: text fields that are neither read-only nor computed. */
export async function listWritableTextProperties(gateway: HubSpotGateway): Promise<CrmPropertyOption[]> {
  const response = await gateway.call("standard", (client) => client.crm.properties.coreApi.getAll("contacts"));
  return response.results
    .filter((property) => property.type === "string" && TEXT_FIELD_TYPES.has(property.fieldType)
      && !property.modificationMetadata?.readOnlyValue && !property.calculated && !property.hidden && !property.archived)
    .map((property) => ({ name: property.name, label: property.label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
