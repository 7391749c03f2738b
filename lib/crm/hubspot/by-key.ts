// Objects we key with a unique property of ours (a deal by conversation id, a
// task by follow-up id, a phone-only contact by its phone): read by that key
// first (a direct lookup, not search, so an object created a second ago is
// found), and otherwise upsert by it, so even two writers at once make one.
// Reading first leaves an existing object as a salesperson left it.
import { CrmPermanentError } from "@/lib/crm/errors";
import type { HubSpotGateway } from "./gateway";

export type KeyedObjectType = "contacts" | "deals" | "tasks";

type BatchApi = {
  read(input: { idProperty: string; inputs: { id: string }[]; properties: string[]; propertiesWithHistory: string[] }): Promise<{ results: { id: string }[] }>;
  upsert(input: { inputs: { id: string; idProperty: string; properties: Record<string, string> }[] }): Promise<{
    results: { id: string; _new?: boolean }[];
    errors?: { message: string }[];
  }>;
};

function batchApi(gateway: HubSpotGateway, type: KeyedObjectType): BatchApi {
  const { crm } = gateway.client;
  return (type === "contacts" ? crm.contacts.batchApi : type === "deals" ? crm.deals.batchApi : crm.objects.tasks.batchApi) as unknown as BatchApi;
}

/** An object's key of ours: which kind of object, the unique property, its value. */
export type ObjectKey = { type: KeyedObjectType; property: string; value: string };

/** The id of the object with this key, if there is one. */
export async function findByKey(gateway: HubSpotGateway, key: ObjectKey): Promise<string | undefined> {
  const found = await gateway.call("standard", () =>
    batchApi(gateway, key.type).read({ idProperty: key.property, inputs: [{ id: key.value }], properties: [key.property], propertiesWithHistory: [] }));
  return found.results[0]?.id;
}

/** Creates the object with this key, or updates the one a concurrent writer just made. */
export async function upsertByKey(gateway: HubSpotGateway, key: ObjectKey, properties: Record<string, string>): Promise<{ id: string; created: boolean }> {
  const response = await gateway.call("standard", () =>
    batchApi(gateway, key.type).upsert({ inputs: [{ id: key.value, idProperty: key.property, properties }] }));
  const object = response.results[0];
  if (!object) {
    const reasons = (response.errors ?? []).map((error) => error.message).join("; ");
    throw new CrmPermanentError(`HubSpot did not save the ${key.type.replace(/s$/, "")} ${key.property}=${key.value}: ${reasons || "no result"}`);
  }
  return { id: object.id, created: object._new === true };
}

/** Reads by key, else upserts by key: one object per key, found again by every retry. */
export async function ensureByKey(gateway: HubSpotGateway, key: ObjectKey, properties: Record<string, string>): Promise<{ id: string; created: boolean }> {
  const existing = await findByKey(gateway, key);
  return existing ? { id: existing, created: false } : upsertByKey(gateway, key, properties);
}
