// A lead in HubSpot is a deal associated with the contact, keyed by our
// conversation id (a unique-value deal property). Creating it is idempotent:
// search finds a deal made earlier without touching it (a salesperson may have
// moved it on); if search has not indexed it yet, upsert by the unique key still
// cannot make a second one. The association is (re)made every time, so an
// attempt that died between the two steps is completed by the retry.
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/deals";
import { CrmPermanentError } from "@/lib/crm/errors";
import type { CrmLeadInput, CrmLeadResult } from "@/lib/crm/types";
import type { HubSpotGateway } from "./gateway";
import { ownerProperty } from "./owners";
import { CONVERSATION_ID_PROPERTY } from "./properties";

/** HUBSPOT_DEFINED association type "deal to contact" (what v4 "default" creates). */
export const DEAL_TO_CONTACT = 3;

export interface DealPlacement {
  pipeline: string;
  dealStage: string;
}

/** HubSpot's default sales pipeline and its first stage. */
export const DEFAULT_DEAL_PLACEMENT: DealPlacement = { pipeline: "default", dealStage: "appointmentscheduled" };

async function findDeal(gateway: HubSpotGateway, conversationId: string): Promise<string | undefined> {
  const found = await gateway.call("search", (client) => client.crm.deals.searchApi.doSearch({
    filterGroups: [{ filters: [{ propertyName: CONVERSATION_ID_PROPERTY, operator: FilterOperatorEnum.Eq, value: conversationId }] }],
    properties: ["dealname", CONVERSATION_ID_PROPERTY],
    limit: 1,
  }));
  return found.results[0]?.id;
}

async function upsertDeal(gateway: HubSpotGateway, lead: CrmLeadInput, placement: DealPlacement, ownerId: string | null): Promise<CrmLeadResult> {
  const response = await gateway.call("standard", (client) => client.crm.deals.batchApi.upsert({
    inputs: [{
      id: lead.conversationId,
      idProperty: CONVERSATION_ID_PROPERTY,
      properties: { dealname: lead.title, pipeline: placement.pipeline, dealstage: placement.dealStage, ...ownerProperty(ownerId) },
    }],
  }));
  const deal = response.results[0];
  if (!deal) {
    const reasons = "errors" in response ? (response.errors ?? []).map((e) => e.message).join("; ") : "";
    throw new CrmPermanentError(`HubSpot did not create the deal for conversation ${lead.conversationId}: ${reasons || "no result"}`);
  }
  return { crmLeadId: deal.id, created: deal._new };
}

/** `ownerId`: the HubSpot owner of a new deal (a deal made earlier keeps its own). */
export async function createLead(gateway: HubSpotGateway, lead: CrmLeadInput, placement: DealPlacement, ownerId: string | null = null): Promise<CrmLeadResult> {
  const existingId = await findDeal(gateway, lead.conversationId);
  const result = existingId ? { crmLeadId: existingId, created: false } : await upsertDeal(gateway, lead, placement, ownerId);
  await gateway.call("standard", (client) =>
    client.crm.associations.v4.basicApi.createDefault("deals", result.crmLeadId, "contacts", lead.crmContactId));
  return result;
}
