// A lead in HubSpot is a deal associated with the contact, keyed by our
// conversation id (a unique-value deal property). Creating it is idempotent:
// a deal made earlier is found by that key (a direct read, so even one made a
// second ago) and left as a salesperson may have moved it; otherwise it is
// upserted by the key, which cannot make a second one. The association is
// (re)made every time, so an attempt that died between the two is completed.
import type { CrmLeadInput, CrmLeadResult } from "@/lib/crm/types";
import { ensureByKey } from "./by-key";
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

/** `ownerId`: the HubSpot owner of a new deal (a deal made earlier keeps its own). */
export async function createLead(gateway: HubSpotGateway, lead: CrmLeadInput, placement: DealPlacement, ownerId: string | null = null): Promise<CrmLeadResult> {
  const deal = await ensureByKey(gateway, { type: "deals", property: CONVERSATION_ID_PROPERTY, value: lead.conversationId }, {
    dealname: lead.title,
    pipeline: placement.pipeline,
    dealstage: placement.dealStage,
    ...ownerProperty(ownerId),
  });
  await gateway.call("standard", (client) => client.crm.associations.v4.basicApi.createDefault("deals", deal.id, "contacts", lead.crmContactId));
  return { crmLeadId: deal.id, created: deal.created };
}
