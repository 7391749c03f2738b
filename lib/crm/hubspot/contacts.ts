// Contacts in HubSpot: find by email or phone, and upsert without ever creating
// a duplicate. HubSpot's search index lags writes by a few seconds, so "search,
// then create" can still collide: for an email, the 409 HubSpot answers names
// the existing contact, which we then update; phone is not unique in HubSpot,
// so a phone-only contact is keyed by its normalized phone in a unique property
// of ours and written by one process at a time per account and phone. An
// existing contact keeps what a salesperson typed: only its empty properties
// are filled, unless the workspace's mapping lets that field overwrite
// (lib/crm/mapping.ts).
import type { FilterOperatorEnum, SimplePublicObject } from "@hubspot/api-client/lib/codegen/crm/contacts";
import { refusesTheAccount } from "@/lib/crm/batch";
import { CrmPermanentError } from "@/lib/crm/errors";
import { propertiesToWrite } from "@/lib/crm/mapping";
import type { CrmContact, CrmContactBatchResult, CrmContactInput, CrmContactUpsertResult } from "@/lib/crm/types";
import { canonicalPhone } from "@/lib/phone/canonical";
import { chunk } from "./batches";
import { findByKey, upsertByKey } from "./by-key";
import { existingContactId } from "./errors";
import type { HubSpotGateway } from "./gateway";
import { PHONE_KEY_PROPERTY } from "./properties";

const CONTACT_PROPERTIES = ["email", "firstname", "lastname", "phone", "mobilephone", "company", "hubspot_owner_id", PHONE_KEY_PROPERTY];

/** A contact to write and the HubSpot properties we would give it (ours, owner included). */
export type ContactWrite = { contact: CrmContactInput; properties: Record<string, string> };
/** Whether our value may replace one already in HubSpot; by default nothing does. */
export type Overwritable = (property: string) => boolean;
const fillEmptyOnly: Overwritable = () => false;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The HubSpot properties for what we know; unknown fields are left out so they never erase data. */
export function toContactProperties(contact: CrmContactInput): Record<string, string> {
  const properties: Record<string, string> = {};
  const name = contact.name.trim().replace(/\s+/g, " ");
  if (name) {
    const space = name.indexOf(" ");
    properties.firstname = space === -1 ? name : name.slice(0, space);
    if (space !== -1) properties.lastname = name.slice(space + 1);
  }
  if (contact.email?.trim()) properties.email = normalizeEmail(contact.email);
  if (contact.phone?.trim()) properties.phone = contact.phone.trim();
  if (contact.company?.trim()) properties.company = contact.company.trim();
  return properties;
}

export function fromHubSpotContact(contact: Pick<SimplePublicObject, "id" | "properties">): CrmContact {
  const p = contact.properties;
  const name = [p.firstname, p.lastname].filter((part) => part && part.trim()).join(" ");
  return {
    crmContactId: contact.id,
    name: name || null,
    email: p.email || null,
    phone: p.phone || p.mobilephone || null,
    company: p.company || null,
  };
}

type Filter = { propertyName: string; value: string };

/** One search; each filter is its own OR-ed group. Results in HubSpot's order. */
async function searchContacts(gateway: HubSpotGateway, filters: Filter[]): Promise<SimplePublicObject[]> {
  const response = await gateway.call("search", (client) =>
    client.crm.contacts.searchApi.doSearch({
      filterGroups: filters.map((filter) => ({ filters: [{ ...filter, operator: "EQ" as FilterOperatorEnum.Eq }] })),
      properties: CONTACT_PROPERTIES,
      limit: 10,
    }),
  );
  return response.results;
}

const byEmail = (email: string): Filter[] => [{ propertyName: "email", value: normalizeEmail(email) }];
// A salesperson may have typed the number as "mobile phone".
const byPhone = (phone: string): Filter[] => [
  { propertyName: "phone", value: phone.trim() },
  { propertyName: "mobilephone", value: phone.trim() },
];

export async function findContactByEmail(gateway: HubSpotGateway, email: string): Promise<CrmContact | null> {
  const [found] = await searchContacts(gateway, byEmail(email));
  return found ? fromHubSpotContact(found) : null;
}

export async function findContactByPhone(gateway: HubSpotGateway, phone: string): Promise<CrmContact | null> {
  const [found] = await searchContacts(gateway, byPhone(phone));
  return found ? fromHubSpotContact(found) : null;
}

async function updateContact(gateway: HubSpotGateway, id: string, properties: Record<string, string>): Promise<void> {
  // Nothing left to write (every value kept): no request.
  if (Object.keys(properties).length === 0) return;
  await gateway.call("standard", (client) => client.crm.contacts.basicApi.update(id, { properties }));
}

async function readContact(gateway: HubSpotGateway, id: string): Promise<SimplePublicObject> {
  return gateway.call("standard", (client) => client.crm.contacts.basicApi.getById(id, CONTACT_PROPERTIES));
}

function requireIdentity(contact: CrmContactInput): void {
  if (!contact.email?.trim() && !contact.phone?.trim()) {
    throw new CrmPermanentError(`Contact "${contact.name}" has neither email nor phone; HubSpot could not match it`);
  }
}

/** Email match first, then phone; one search request for both. */
async function findExisting(gateway: HubSpotGateway, contact: CrmContactInput): Promise<SimplePublicObject | undefined> {
  const email = contact.email?.trim() ? normalizeEmail(contact.email) : undefined;
  const filters = [...(email ? byEmail(email) : []), ...(contact.phone?.trim() ? byPhone(contact.phone) : [])];
  const results = await searchContacts(gateway, filters);
  return results.find((r) => email !== undefined && r.properties.email?.toLowerCase() === email) ?? results[0];
}

/**
 * A contact known by phone alone: the one we keyed by this phone before (found
 * at once, even seconds after it was made), else a salesperson's contact with
 * the number (once search has indexed it), else a new one keyed by the phone.
 */
async function upsertPhoneOnlyContact(gateway: HubSpotGateway, write: ContactWrite, phoneTyped: string, overwritable: Overwritable): Promise<CrmContactUpsertResult> {
  const phone = canonicalPhone(phoneTyped.trim());
  const properties = { ...write.properties, [PHONE_KEY_PROPERTY]: phone };
  const key = { type: "contacts", property: PHONE_KEY_PROPERTY, value: phone } as const;
  return gateway.serialize(`contact-phone:${phone}`, async () => {
    const keyed = await findByKey(gateway, key);
    if (keyed) {
      const current = await readContact(gateway, keyed);
      await updateContact(gateway, keyed, propertiesToWrite(properties, current.properties, overwritable));
      return { crmContactId: keyed, created: false };
    }
    const [found] = await searchContacts(gateway, byPhone(phone));
    if (found) {
      await updateContact(gateway, found.id, propertiesToWrite(properties, found.properties, overwritable));
      return { crmContactId: found.id, created: false };
    }
    const upserted = await upsertByKey(gateway, key, properties);
    return { crmContactId: upserted.id, created: upserted.created };
  });
}

export async function upsertContact(
  gateway: HubSpotGateway,
  write: ContactWrite,
  overwritable: Overwritable = fillEmptyOnly,
): Promise<CrmContactUpsertResult> {
  const { contact, properties } = write;
  requireIdentity(contact);
  if (!contact.email?.trim()) return upsertPhoneOnlyContact(gateway, write, contact.phone!, overwritable);
  const existing = await findExisting(gateway, contact);
  if (existing) {
    await updateContact(gateway, existing.id, propertiesToWrite(properties, existing.properties, overwritable));
    return { crmContactId: existing.id, created: false };
  }
  try {
    const created = await gateway.call("standard", (client) => client.crm.contacts.basicApi.create({ properties, associations: [] }));
    return { crmContactId: created.id, created: true };
  } catch (error) {
    const existingId = existingContactId(error);
    if (!existingId) throw error;
    const current = await readContact(gateway, existingId);
    await updateContact(gateway, existingId, propertiesToWrite(properties, current.properties, overwritable));
    return { crmContactId: existingId, created: false };
  }
}

/** The contacts HubSpot already has for these emails, by lowercased email (one request per 100). */
async function readByEmail(gateway: HubSpotGateway, emails: string[]): Promise<Map<string, SimplePublicObject>> {
  const response = await gateway.call("standard", (client) =>
    client.crm.contacts.batchApi.read({ idProperty: "email", inputs: emails.map((id) => ({ id })), properties: CONTACT_PROPERTIES, propertiesWithHistory: [] }),
  );
  return new Map(response.results.map((found) => [found.properties.email?.toLowerCase() ?? "", found]));
}

/** One contact on its own: a refusal of this contact is its result, anything else is thrown. */
async function upsertOne(gateway: HubSpotGateway, write: ContactWrite, overwritable: Overwritable): Promise<CrmContactBatchResult> {
  try {
    return { ok: true, ...(await upsertContact(gateway, write, overwritable)) };
  } catch (error) {
    if (error instanceof CrmPermanentError && !refusesTheAccount(error)) return { ok: false, reason: error.reason };
    throw error;
  }
}

/**
 * Contacts with an email go through batch upsert keyed by email (100 per call),
 * each input traced by its email so HubSpot answers per contact (207
 * Multi-Status): a contact it refuses fails alone, with HubSpot's reason.
 * Phone-only contacts go one by one (upsertPhoneOnlyContact). A batch refused
 * as a whole is retried contact by contact.
 */
export async function upsertContacts(gateway: HubSpotGateway, writes: readonly ContactWrite[], overwritable: Overwritable = fillEmptyOnly): Promise<CrmContactBatchResult[]> {
  const results: CrmContactBatchResult[] = new Array(writes.length);
  const withEmail = writes.flatMap((write, index) => (write.contact.email?.trim() ? [{ ...write, index }] : []));

  for (const part of chunk(withEmail)) {
    // Two inputs with one email in one batch make HubSpot reject the batch: last one wins.
    const byKey = new Map(part.map((item) => [normalizeEmail(item.contact.email!), item]));
    let response;
    try {
      // Existing contacts keep what was typed in HubSpot: read them first, send only what may be written.
      const existing = await readByEmail(gateway, [...byKey.keys()]);
      response = await gateway.call("standard", (client) =>
        client.crm.contacts.batchApi.upsert({
          inputs: [...byKey.entries()].map(([email, item]) => {
            const current = existing.get(email);
            const properties = current ? { ...propertiesToWrite(item.properties, current.properties, overwritable), email } : item.properties;
            return { id: email, idProperty: "email", objectWriteTraceId: email, properties };
          }),
        }),
      );
    } catch (error) {
      if (!(error instanceof CrmPermanentError) || refusesTheAccount(error)) throw error;
      for (const item of part) results[item.index] = await upsertOne(gateway, item, overwritable);
      continue;
    }
    const answered = new Map(response.results.map((r) => [r.objectWriteTraceId ?? r.properties.email?.toLowerCase(), r]));
    const refused = new Map((("errors" in response ? response.errors : undefined) ?? []).flatMap((error) => (error.context?.objectWriteTraceId ?? []).map((email) => [email, error.message] as const)));
    for (const item of part) {
      const email = normalizeEmail(item.contact.email!);
      const result = answered.get(email);
      const reason = refused.get(email);
      // Neither in the results nor refused: on its own it gets its own answer.
      results[item.index] = result ? { ok: true, crmContactId: result.id, created: result._new }
        : reason ? { ok: false, reason }
          : await upsertOne(gateway, item, overwritable);
    }
  }
  for (const [index, write] of writes.entries()) {
    if (!write.contact.email?.trim()) results[index] = await upsertOne(gateway, write, overwritable);
  }
  // The same email twice in one call: both point at one contact, created at most once.
  const seen = new Set<string>();
  return results.map((result) => {
    if (!result.ok) return result;
    const first = !seen.has(result.crmContactId);
    seen.add(result.crmContactId);
    return first ? result : { ...result, created: false };
  });
}

/** GDPR-deletes a contact (POST /crm/v3/objects/contacts/gdpr-delete); one HubSpot no longer has counts as done. */
export async function deleteContact(gateway: HubSpotGateway, crmContactId: string): Promise<{ deleted: boolean }> {
  try {
    await gateway.call("standard", (client) => client.crm.contacts.basicApi.purge({ objectId: crmContactId }));
    return { deleted: true };
  } catch (error) {
    if (error instanceof CrmPermanentError && error.status === 404) return { deleted: false };
    throw error;
  }
}
