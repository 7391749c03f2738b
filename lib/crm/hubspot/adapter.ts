// The HubSpot CRM adapter: CrmAdapter over HubSpot's CRM v3 API via the
// official client, for one connected account. Requests share the account's
// budget and deadline (gateway.ts); each domain operation lives in its own
// module beside this one. The workspace's mapping decides where deals go, which
// property each labeled score lands in, and which of our fields may overwrite
// a value already in HubSpot (none by default); the lead's owner becomes the
// HubSpot owner with the same email.
import { onlyResult } from "@/lib/crm/batch";
import { CrmPermanentError } from "@/lib/crm/errors";
import type { SyncedField } from "@/lib/crm/mapping";
import type {
  CrmAdapter,
  CrmBatchResult,
  CrmContactInput,
  CrmCustomPropertiesResult,
  CrmLabeledScores,
  CrmLabeledScoresUpdate,
  CrmLeadInput,
  CrmLeadNoteInput,
  CrmOwner,
  CrmTaskInput,
} from "@/lib/crm/types";
import * as contacts from "./contacts";
import { createHubSpotGateway, type HubSpotConfig, type HubSpotGateway } from "./gateway";
import { createLeads, DEFAULT_DEAL_PLACEMENT, type DealPlacement } from "./leads";
import { addLeadNotes } from "./notes";
import { hubSpotOwnerId, ownerProperty } from "./owners";
import { setContactProperties } from "./scores";
import { ensureCustomProperties, PROPERTY_OBJECT_TYPES, SCORE_PROPERTIES, type PropertyObjectType } from "./properties";
import { createTask } from "./tasks";

export interface HubSpotAdapterConfig extends HubSpotConfig {
  /** Where new deals go; default: HubSpot's default pipeline, first stage. */
  dealPlacement?: DealPlacement;
  /** The contact property each labeled score goes to; default: LeadBridge's own. */
  scoreProperties?: Record<keyof CrmLabeledScores, string>;
  /** Our fields that may replace a value already in HubSpot; default none (fill empty only). */
  overwriteFields?: readonly SyncedField[];
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

/** The HubSpot properties each of our fields writes on a contact. */
function fieldProperties(scoreProperties: Record<keyof CrmLabeledScores, string>): Record<SyncedField, string[]> {
  return {
    name: ["firstname", "lastname"],
    email: ["email"],
    phone: ["phone"],
    company: ["company"],
    owner: ["hubspot_owner_id"],
    leadScore: [scoreProperties.leadScore],
    primaryObjection: [scoreProperties.primaryObjection],
    recommendedApproach: [scoreProperties.recommendedApproach],
  };
}

// `${account key}|${object type}` -> this process's one check of our fields of
// that type in that account (dropped if it failed, to try again): each account
// once, however many workspaces are connected to it; concurrent callers share it.
const fieldsChecked = new Map<string, Promise<string[]>>();

export class HubSpotCrmAdapter implements CrmAdapter {
  readonly system = "hubspot" as const;
  readonly accountKey: string;
  private readonly gateway: HubSpotGateway;
  private readonly dealPlacement: DealPlacement;
  private readonly scoreProperties: Record<keyof CrmLabeledScores, string>;
  /** HubSpot properties whose value in HubSpot we may replace. */
  private readonly overwritable: ReadonlySet<string>;

  constructor(config: HubSpotAdapterConfig) {
    this.gateway = createHubSpotGateway(config);
    this.accountKey = this.gateway.accountKey;
    this.dealPlacement = config.dealPlacement ?? DEFAULT_DEAL_PLACEMENT;
    this.scoreProperties = config.scoreProperties ?? SCORE_PROPERTIES;
    const byField = fieldProperties(this.scoreProperties);
    // LeadBridge's own score fields are ours: always kept current.
    this.overwritable = new Set([...(config.overwriteFields ?? []).flatMap((field) => byField[field]), ...Object.values(SCORE_PROPERTIES)]);
  }

  private readonly mayOverwrite = (property: string) => this.overwritable.has(property);

  private async contactWrite(contact: CrmContactInput): Promise<contacts.ContactWrite> {
    const ownerId = await hubSpotOwnerId(this.gateway, contact.owner);
    return { contact, properties: { ...contacts.toContactProperties(contact), ...ownerProperty(ownerId) } };
  }

  findContactByEmail(email: string) {
    return contacts.findContactByEmail(this.gateway, email);
  }

  findContactByPhone(phone: string) {
    return contacts.findContactByPhone(this.gateway, phone);
  }

  async upsertContact(contact: CrmContactInput) {
    await this.ensureFieldsFor([contact]);
    return contacts.upsertContact(this.gateway, await this.contactWrite(contact), this.mayOverwrite);
  }

  async upsertContacts(list: readonly CrmContactInput[]) {
    await this.ensureFieldsFor(list);
    const writes = [];
    for (const contact of list) writes.push(await this.contactWrite(contact));
    return contacts.upsertContacts(this.gateway, writes, this.mayOverwrite);
  }

  /** A phone-only contact is keyed by one of our fields: they must exist first. */
  private async ensureFieldsFor(list: readonly CrmContactInput[]): Promise<void> {
    if (list.some((contact) => !contact.email?.trim() && contact.phone?.trim())) await this.ensureFields(["contacts"]);
  }

  /** The HubSpot owner of each record (owners are looked up once per account and email, then kept). */
  private async ownerIds(owners: readonly (CrmOwner | null | undefined)[]): Promise<(string | null)[]> {
    const ids = [];
    for (const owner of owners) ids.push(await hubSpotOwnerId(this.gateway, owner));
    return ids;
  }

  async createLead(lead: CrmLeadInput) {
    return onlyResult(await this.createLeads([lead]));
  }

  async createLeads(leads: readonly CrmLeadInput[]) {
    await this.ensureFields(["deals"]);
    return createLeads(this.gateway, leads, this.dealPlacement, await this.ownerIds(leads.map((lead) => lead.owner)));
  }

  async addLeadNote(note: CrmLeadNoteInput) {
    return onlyResult(await this.addLeadNotes([note]));
  }

  async addLeadNotes(notes: readonly CrmLeadNoteInput[]) {
    return addLeadNotes(this.gateway, notes, await this.ownerIds(notes.map((note) => note.owner)));
  }

  async setLabeledScores(crmContactId: string, scores: CrmLabeledScores): Promise<void> {
    onlyResult(await this.setLabeledScoresOf([{ crmContactId, scores }]));
  }

  async setLabeledScoresOf(updates: readonly CrmLabeledScoresUpdate[]): Promise<CrmBatchResult<object>[]> {
    const writes: { crmContactId: string; properties: Record<string, string> }[] = [];
    const refused = new Map<number, string>();
    for (const [index, update] of updates.entries()) {
      try {
        writes.push({ crmContactId: update.crmContactId, properties: toScoreProperties(update.scores, this.scoreProperties) });
      } catch (error) {
        if (!(error instanceof CrmPermanentError)) throw error;
        refused.set(index, error.reason);
      }
    }
    if (writes.length > 0) await this.ensureFields(["contacts"]);
    const written = writes.length > 0 ? await setContactProperties(this.gateway, writes, this.mayOverwrite) : [];
    let next = 0;
    return updates.map((_, index) => {
      const reason = refused.get(index);
      return reason !== undefined ? { ok: false, reason } : written[next++]!;
    });
  }

  async createTask(task: CrmTaskInput) {
    await this.ensureFields(["tasks"]);
    return createTask(this.gateway, task, await hubSpotOwnerId(this.gateway, task.owner));
  }

  /**
   * Our fields of these object types, checked once per account and process
   * (later calls cost no request). Each operation checks only the fields it
   * writes, so a field HubSpot refuses fails only that operation (e.g.
   * follow-up tasks), not the sync of every lead.
   */
  private async ensureFields(types: readonly PropertyObjectType[]): Promise<string[]> {
    const created = await Promise.all(
      types.map((type) => {
        const key = `${this.accountKey}|${type}`;
        const check = fieldsChecked.get(key);
        // Already checked: nothing created by this call.
        if (check) return check.then(() => []);
        const first = ensureCustomProperties(this.gateway, type);
        fieldsChecked.set(key, first);
        first.catch(() => fieldsChecked.delete(key));
        return first;
      }),
    );
    return created.flat();
  }

  deleteContact(crmContactId: string) {
    return contacts.deleteContact(this.gateway, crmContactId);
  }

  async ensureCustomProperties(): Promise<CrmCustomPropertiesResult> {
    return { created: await this.ensureFields(PROPERTY_OBJECT_TYPES) };
  }
}
