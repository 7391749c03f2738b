// The custom HubSpot fields LeadBridge writes, kept in a property group of ours
// so a HubSpot admin sees where they come from. Ensuring them lists what exists
// and creates only what is missing; a 409 (someone else just created it) is fine.
import type { PropertyCreateFieldTypeEnum, PropertyCreateTypeEnum } from "@hubspot/api-client/lib/codegen/crm/properties";
import { CrmPermanentError } from "@/lib/crm/errors";
import type { HubSpotGateway } from "./gateway";

export const LEADBRIDGE_GROUP = { name: "leadbridge", label: "LeadBridge" };

/** Contact fields holding the labeled behavioral scores. */
export const SCORE_PROPERTIES = {
  leadScore: "leadbridge_lead_score",
  primaryObjection: "leadbridge_primary_objection",
  recommendedApproach: "leadbridge_recommended_approach",
} as const;

/** Deal field tying a deal to our conversation; unique, so creating a lead twice finds the first. */
export const CONVERSATION_ID_PROPERTY = "leadbridge_conversation_id";

/** Task field tying a task to our follow-up; unique, so creating a follow-up's task twice finds the first. */
export const FOLLOW_UP_ID_PROPERTY = "leadbridge_follow_up_id";

/**
 * Contact field holding the normalized phone of a contact we matched or created
 * by phone alone; unique, so a phone-only contact is created once even before
 * HubSpot's search has indexed it.
 */
export const PHONE_KEY_PROPERTY = "leadbridge_phone";

export type PropertyObjectType = "contacts" | "deals" | "tasks";

interface CustomProperty {
  objectType: PropertyObjectType;
  name: string;
  label: string;
  fieldType: PropertyCreateFieldTypeEnum;
  description: string;
  /** Lets batch upsert use it as idProperty (HubSpot allows 10 such fields per object). */
  hasUniqueValue?: boolean;
}

export const CUSTOM_PROPERTIES: readonly CustomProperty[] = [
  { objectType: "contacts", name: SCORE_PROPERTIES.leadScore, label: "Lead Score", fieldType: "text" as PropertyCreateFieldTypeEnum.Text,
    description: "How ready this prospect is to buy, in words (from LeadBridge's conversation analysis)." },
  { objectType: "contacts", name: SCORE_PROPERTIES.primaryObjection, label: "Primary Objection", fieldType: "text" as PropertyCreateFieldTypeEnum.Text,
    description: "What holds this prospect back (from LeadBridge)." },
  { objectType: "contacts", name: SCORE_PROPERTIES.recommendedApproach, label: "Recommended Approach", fieldType: "textarea" as PropertyCreateFieldTypeEnum.Textarea,
    description: "How to follow up with this prospect (from LeadBridge)." },
  { objectType: "contacts", name: PHONE_KEY_PROPERTY, label: "LeadBridge Phone Key", fieldType: "text" as PropertyCreateFieldTypeEnum.Text,
    description: "The phone number LeadBridge matches this contact by when it has no email.", hasUniqueValue: true },
  { objectType: "deals", name: CONVERSATION_ID_PROPERTY, label: "LeadBridge Conversation ID", fieldType: "text" as PropertyCreateFieldTypeEnum.Text,
    description: "The WhatsApp conversation this deal came from.", hasUniqueValue: true },
  { objectType: "tasks", name: FOLLOW_UP_ID_PROPERTY, label: "LeadBridge Follow-up ID", fieldType: "text" as PropertyCreateFieldTypeEnum.Text,
    description: "The LeadBridge follow-up this task was created for.", hasUniqueValue: true },
];

const isConflict = (error: unknown) => error instanceof CrmPermanentError && error.status === 409;

export const PROPERTY_OBJECT_TYPES: readonly PropertyObjectType[] = [...new Set(CUSTOM_PROPERTIES.map((p) => p.objectType))];

/** Creates our group and fields of one object type where missing; returns the names of fields it created. */
export async function ensureCustomProperties(gateway: HubSpotGateway, objectType: PropertyObjectType): Promise<string[]> {
  const created: string[] = [];
  const groups = await gateway.call("standard", (client) => client.crm.properties.groupsApi.getAll(objectType));
  if (!groups.results.some((group) => group.name === LEADBRIDGE_GROUP.name)) {
    await gateway.call("standard", (client) => client.crm.properties.groupsApi.create(objectType, LEADBRIDGE_GROUP))
      .catch((error: unknown) => { if (!isConflict(error)) throw error; });
  }
  const existing = await gateway.call("standard", (client) => client.crm.properties.coreApi.getAll(objectType));
  const names = new Set(existing.results.map((property) => property.name));
  for (const property of CUSTOM_PROPERTIES.filter((p) => p.objectType === objectType && !names.has(p.name))) {
    try {
      await gateway.call("standard", (client) => client.crm.properties.coreApi.create(objectType, {
        name: property.name,
        label: property.label,
        description: property.description,
        type: "string" as PropertyCreateTypeEnum.String,
        fieldType: property.fieldType,
        groupName: LEADBRIDGE_GROUP.name,
        hasUniqueValue: property.hasUniqueValue ?? false,
      }));
      created.push(property.name);
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  return created;
}
