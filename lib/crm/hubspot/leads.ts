// A lead in HubSpot is a deal associated with the contact, keyed by our
// conversation id (a unique-value deal property). Creating leads is
// idempotent: deals made earlier are found by that key (a direct batch read,
// so even one made a second ago) and left as a salesperson may have moved
// them; the others are upserted by the key, which cannot make a second one.
// The associations are (re)made every time, so an attempt that died between
// the two is completed. However many leads (up to 100), that is three
// requests: read, upsert, associate.
import type { CrmBatchResult, CrmLeadInput, CrmLeadResult } from "@/lib/crm/types";
import { associateDefaults } from "./associations";
import { ensureByKeys } from "./by-key";
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

/** `ownerIds[i]`: the HubSpot owner of lead i's new deal (a deal made earlier keeps its own). */
export async function createLeads(
  gateway: HubSpotGateway,
  leads: readonly CrmLeadInput[],
  placement: DealPlacement,
  ownerIds: readonly (string | null)[],
): Promise<CrmBatchResult<CrmLeadResult>[]> {
  const deals = await ensureByKeys(gateway, { type: "deals", property: CONVERSATION_ID_PROPERTY }, leads.map((lead, index) => ({
    value: lead.conversationId,
    properties: { dealname: lead.title, pipeline: placement.pipeline, dealstage: placement.dealStage, ...ownerProperty(ownerIds[index] ?? null) },
  })));
  const pairs = leads.flatMap((lead, index) => {
    const deal = deals[index]!;
    return deal.ok ? [{ index, fromId: deal.id, toId: lead.crmContactId }] : [];
  });
  const associated = await associateDefaults(gateway, "deals", "contacts", pairs);
  return deals.map((deal, index) => {
    if (!deal.ok) return deal;
    const association = associated.get(index);
    if (association && !association.ok) return { ...association, reason: `HubSpot did not associate the deal with its contact: ${association.reason}` };
    return { ok: true, crmLeadId: deal.id, created: deal.created };
  });
}
