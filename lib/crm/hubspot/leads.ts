// A lead in HubSpot is a deal associated with the contact, tagged with our
// conversation id so that creating it again (a retried job) finds the first one.
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/deals";
import { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/deals";
import type { CrmLeadInput, CrmLeadResult } from "@/lib/crm/types";
import type { HubSpotGateway } from "./gateway";
import { CONVERSATION_ID_PROPERTY } from "./properties";

/** HUBSPOT_DEFINED association type "deal to contact". */
export const DEAL_TO_CONTACT = 3;

export interface DealPlacement {
  pipeline: string;
  dealStage: string;
}

/** HubSpot's default sales pipeline and its first stage. */
export const DEFAULT_DEAL_PLACEMENT: DealPlacement = { pipeline: "default", dealStage: "appointmentscheduled" };

export async function createLead(gateway: HubSpotGateway, lead: CrmLeadInput, placement: DealPlacement): Promise<CrmLeadResult> {
  const found = await gateway.call("search", (client) => client.crm.deals.searchApi.doSearch({
    filterGroups: [{ filters: [{ propertyName: CONVERSATION_ID_PROPERTY, operator: FilterOperatorEnum.Eq, value: lead.conversationId }] }],
    properties: ["dealname", CONVERSATION_ID_PROPERTY],
    limit: 1,
  }));
  const existing = found.results[0];
  if (existing) return { crmLeadId: existing.id, created: false };

  const deal = await gateway.call("standard", (client) => client.crm.deals.basicApi.create({
    properties: {
      dealname: lead.title,
      pipeline: placement.pipeline,
      dealstage: placement.dealStage,
      [CONVERSATION_ID_PROPERTY]: lead.conversationId,
    },
    associations: [{
      to: { id: lead.crmContactId },
      types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: DEAL_TO_CONTACT }],
    }],
  }));
  return { crmLeadId: deal.id, created: true };
}
