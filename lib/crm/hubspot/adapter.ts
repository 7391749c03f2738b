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
import * as contacts from "./contacts";
import { createHubSpotGateway, type HubSpotConfig, type HubSpotGateway } from "./gateway";
import { createLead, DEFAULT_DEAL_PLACEMENT, type DealPlacement } from "./leads";
import { ensureCustomProperties, SCORE_PROPERTIES } from "./properties";
import { createTask } from "./tasks";

export interface HubSpotAdapterConfig extends HubSpotConfig {
  /** Where new deals go; default: HubSpot's default pipeline, first stage. */
  dealPlacement?: DealPlacement;
  /** The contact property each labeled score goes to; default: LeadBridge's own. */
  scoreProperties?: Record<keyof CrmLabeledScores, string>;
}

const BARE_NUMBER = /^\s*[-+]?\d+([.,]\d+)?\s*%?\s*$/;

/** Labeled scores as HubSpot properties; a bare number means the labeling step was skipped. */
export function toScoreProperties(scores: CrmLabeledScores, targets: Record<keyof CrmLabeledScores, string> = SCORE_PROPERTIES): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [field, property] of Object.entries(targets) as Array<[keyof CrmLabeledScores, string]>) {
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
  private readonly scoreProperties: Record<keyof CrmLabeledScores, string>;
  private customPropertiesReady = false;

  constructor(config: HubSpotAdapterConfig) {
    this.gateway = createHubSpotGateway(config);
    this.accountKey = this.gateway.accountKey;
    this.dealPlacement = config.dealPlacement ?? DEFAULT_DEAL_PLACEMENT;
    this.scoreProperties = config.scoreProperties ?? SCORE_PROPERTIES;
  }

  findContactByEmail(email: string) {
    return contacts.findContactByEmail(this.gateway, email);
  }

  findContactByPhone(phone: string) {
    return contacts.findContactByPhone(this.gateway, phone);
  }

  upsertContact(contact: CrmContactInput) {
    return contacts.upsertContact(this.gateway, contact);
  }

  upsertContacts(list: readonly CrmContactInput[]) {
    return contacts.upsertContacts(this.gateway, list);
  }

  async createLead(lead: CrmLeadInput) {
    await this.ensureCustomProperties();
    return createLead(this.gateway, lead, this.dealPlacement);
  }

  async setLabeledScores(crmContactId: string, scores: CrmLabeledScores): Promise<void> {
    const properties = toScoreProperties(scores, this.scoreProperties);
    await this.ensureCustomProperties();
    await this.gateway.call("standard", (client) => client.crm.contacts.basicApi.update(crmContactId, { properties }));
  }

  createTask(task: CrmTaskInput) {
    return createTask(this.gateway, task);
  }

  /** Checks HubSpot once per adapter; later calls cost no request. */
  async ensureCustomProperties(): Promise<CrmCustomPropertiesResult> {
    if (this.customPropertiesReady) return { created: [] };
    const created = await ensureCustomProperties(this.gateway);
    this.customPropertiesReady = true;
    return { created };
  }
}
