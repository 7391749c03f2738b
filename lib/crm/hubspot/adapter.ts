// The HubSpot CRM adapter: CrmAdapter over HubSpot's CRM v3 API via the
// official client. Requests share the account's budget and deadline (gateway.ts);
// each domain operation lives in its own module beside this one.
import { CrmPermanentError } from "@/lib/crm/errors";
import type {
  CrmAdapter,
  CrmContactInput,
  CrmCustomPropertiesResult,
  CrmLabeledScores,
  CrmLeadInput,
  CrmTaskInput,
} from "@/lib/crm/types";
import { env } from "@/lib/env";
import * as contacts from "./contacts";
import { createHubSpotGateway, type HubSpotConfig, type HubSpotGateway } from "./gateway";
import { createLead, DEFAULT_DEAL_PLACEMENT, type DealPlacement } from "./leads";
import { ensureCustomProperties, PROPERTY_OBJECT_TYPES, SCORE_PROPERTIES, type PropertyObjectType } from "./properties";
import { createTask } from "./tasks";

export interface HubSpotAdapterConfig extends HubSpotConfig {
  /** Where new deals go; default: HubSpot's default pipeline, first stage. */
  dealPlacement?: DealPlacement;
}

const BARE_NUMBER = /^\s*[-+]?\d+([.,]\d+)?\s*%?\s*$/;

/** Labeled scores as HubSpot properties; a bare number means the labeling step was skipped. */
export function toScoreProperties(scores: CrmLabeledScores): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [field, property] of Object.entries(SCORE_PROPERTIES) as Array<[keyof CrmLabeledScores, string]>) {
    const label = scores[field].trim();
    if (!label || BARE_NUMBER.test(label)) {
      throw new CrmPermanentError(`${field} must be a label a salesperson can read, not "${scores[field]}"`);
    }
    properties[property] = label;
  }
  return properties;
}

export class HubSpotCrmAdapter implements CrmAdapter {
  readonly system = "hubspot" as const;
  readonly accountKey: string;
  private readonly gateway: HubSpotGateway;
  private readonly dealPlacement: DealPlacement;
  /** Per object type, the one check of our fields this adapter makes (dropped if it failed, to try again). */
  private readonly fieldsChecked = new Map<PropertyObjectType, Promise<string[]>>();

  constructor(config: HubSpotAdapterConfig) {
    this.gateway = createHubSpotGateway(config);
    this.accountKey = this.gateway.accountKey;
    this.dealPlacement = config.dealPlacement ?? DEFAULT_DEAL_PLACEMENT;
  }

  findContactByEmail(email: string) {
    return contacts.findContactByEmail(this.gateway, email);
  }

  findContactByPhone(phone: string) {
    return contacts.findContactByPhone(this.gateway, phone);
  }

  async upsertContact(contact: CrmContactInput) {
    await this.ensureFieldsFor([contact]);
    return contacts.upsertContact(this.gateway, contact);
  }

  async upsertContacts(list: readonly CrmContactInput[]) {
    await this.ensureFieldsFor(list);
    return contacts.upsertContacts(this.gateway, list);
  }

  /** A phone-only contact is keyed by one of our fields: they must exist first. */
  private async ensureFieldsFor(list: readonly CrmContactInput[]): Promise<void> {
    if (list.some((contact) => !contact.email?.trim() && contact.phone?.trim())) await this.ensureFields(["contacts"]);
  }

  async createLead(lead: CrmLeadInput) {
    await this.ensureFields(["deals"]);
    return createLead(this.gateway, lead, this.dealPlacement);
  }

  async setLabeledScores(crmContactId: string, scores: CrmLabeledScores): Promise<void> {
    const properties = toScoreProperties(scores);
    await this.ensureFields(["contacts"]);
    await this.gateway.call("standard", (client) => client.crm.contacts.basicApi.update(crmContactId, { properties }));
  }

  async createTask(task: CrmTaskInput) {
    await this.ensureFields(["tasks"]);
    return createTask(this.gateway, task);
  }

  /**
   * Our fields of these object types, checked once per adapter (concurrent
   * callers share the one check; later calls cost no request). Each operation
   * checks only the fields it writes, so a field HubSpot refuses fails only
   * that operation (e.g. follow-up tasks), not the sync of every lead.
   */
  private async ensureFields(types: readonly PropertyObjectType[]): Promise<string[]> {
    const created = await Promise.all(
      types.map((type) => {
        let check = this.fieldsChecked.get(type);
        if (!check) {
          check = ensureCustomProperties(this.gateway, type);
          this.fieldsChecked.set(type, check);
          check.catch(() => this.fieldsChecked.delete(type));
          return check;
        }
        // Already checked: nothing created by this call.
        return check.then(() => []);
      }),
    );
    return created.flat();
  }

  async ensureCustomProperties(): Promise<CrmCustomPropertiesResult> {
    return { created: await this.ensureFields(PROPERTY_OBJECT_TYPES) };
  }
}

/** The adapter configured from HUBSPOT_* environment variables. */
export function createHubSpotAdapterFromEnv(): HubSpotCrmAdapter {
  const config = env();
  if (!config.HUBSPOT_ACCESS_TOKEN) throw new Error("HUBSPOT_ACCESS_TOKEN is not set");
  return new HubSpotCrmAdapter({
    accessToken: config.HUBSPOT_ACCESS_TOKEN,
    basePath: config.HUBSPOT_BASE_URL,
    timeoutMs: config.HUBSPOT_TIMEOUT_MS,
    portalId: config.HUBSPOT_PORTAL_ID,
    rateLimit: { limit: config.HUBSPOT_REQUESTS_PER_10S, windowMs: 10_000 },
  });
}
