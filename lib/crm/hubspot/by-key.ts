// Objects we key with a unique property of ours (a deal by conversation id, a
// task by follow-up id, a phone-only contact by its phone): read by that key
// first (a direct lookup, not search, so an object created a second ago is
// found), and otherwise upsert by it, so even two writers at once make one.
// Reading first leaves an existing object as a salesperson left it. Many keys
// cost one read and one upsert per 100 (batches.ts answers per record).
import { onlyResult } from "@/lib/crm/batch";
import type { CrmBatchResult } from "@/lib/crm/types";
import { chunk, writeTraced, type TracedAnswer } from "./batches";
import type { Client } from "@hubspot/api-client";
import type { HubSpotGateway } from "./gateway";

export type KeyedObjectType = "contacts" | "deals" | "tasks";

type KeyedObject = { id: string; properties: Record<string, string | null>; _new?: boolean };

type BatchApi = {
  read(input: { idProperty: string; inputs: { id: string }[]; properties: string[]; propertiesWithHistory: string[] }): Promise<{ results: KeyedObject[] }>;
  upsert(input: { inputs: { id: string; idProperty: string; objectWriteTraceId: string; properties: Record<string, string> }[] }): Promise<TracedAnswer<KeyedObject>>;
};

function batchApi({ crm }: Client, type: KeyedObjectType): BatchApi {
  return (type === "contacts" ? crm.contacts.batchApi : type === "deals" ? crm.deals.batchApi : crm.objects.tasks.batchApi) as unknown as BatchApi;
}

/** An object's key of ours: which kind of object, the unique property, its value. */
export type ObjectKey = { type: KeyedObjectType; property: string; value: string };

/** Which kind of object and which unique property of ours keys it. */
export type KeySpace = Omit<ObjectKey, "value">;

/** HubSpot compares unique values without case. */
const keyOf = (value: string) => value.toLowerCase();

/** The ids of the objects with these keys (one batch read per 100), by lowercased key. */
export async function findByKeys(gateway: HubSpotGateway, space: KeySpace, values: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const part of chunk([...new Set(values)])) {
    const answer = await gateway.call("standard", (client) =>
      batchApi(client, space.type).read({ idProperty: space.property, inputs: part.map((id) => ({ id })), properties: [space.property], propertiesWithHistory: [] }));
    for (const object of answer.results) {
      const value = object.properties[space.property];
      if (value) found.set(keyOf(value), object.id);
    }
  }
  return found;
}

/** Upserts by key (one request per 100): per key, in input order, the object or HubSpot's refusal of it. */
export async function upsertByKeys(
  gateway: HubSpotGateway,
  space: KeySpace,
  inputs: readonly { value: string; properties: Record<string, string> }[],
): Promise<CrmBatchResult<{ id: string; created: boolean }>[]> {
  const outcomes = await writeTraced(inputs, (input) => keyOf(input.value), (part) =>
    gateway.call("standard", (client) =>
      batchApi(client, space.type).upsert({
        inputs: part.map((input) => ({ id: input.value, idProperty: space.property, objectWriteTraceId: keyOf(input.value), properties: input.properties })),
      })),
    (object) => object.properties[space.property]?.toLowerCase(),
  );
  return inputs.map((input) => {
    const outcome = outcomes.get(keyOf(input.value))!;
    if (!outcome.ok) return { ...outcome, reason: `HubSpot did not save the ${space.type.replace(/s$/, "")} ${space.property}=${input.value}: ${outcome.reason}` };
    return { ok: true, id: outcome.record.id, created: outcome.record._new === true };
  });
}

/**
 * Reads by key, else upserts by key: one object per key, found again by every
 * retry. Per input, in order: the object (created or not) or HubSpot's refusal.
 */
export async function ensureByKeys(
  gateway: HubSpotGateway,
  space: KeySpace,
  inputs: readonly { value: string; properties: Record<string, string> }[],
): Promise<CrmBatchResult<{ id: string; created: boolean }>[]> {
  const existing = await findByKeys(gateway, space, inputs.map((input) => input.value));
  // The same key twice in one call is one object: upserted once.
  const missing = [...new Map(inputs.filter((input) => !existing.has(keyOf(input.value))).map((input) => [keyOf(input.value), input])).values()];
  const upserted = missing.length > 0 ? await upsertByKeys(gateway, space, missing) : [];
  const made = new Map(missing.map((input, index) => [keyOf(input.value), upserted[index]!]));
  const seen = new Set<string>();
  return inputs.map((input) => {
    const key = keyOf(input.value);
    const found = existing.get(key);
    if (found) return { ok: true, id: found, created: false };
    const result = made.get(key)!;
    const first = !seen.has(key);
    seen.add(key);
    return result.ok && !first ? { ...result, created: false } : result;
  });
}

/** The id of the object with this key, if there is one. */
export async function findByKey(gateway: HubSpotGateway, key: ObjectKey): Promise<string | undefined> {
  return (await findByKeys(gateway, key, [key.value])).get(keyOf(key.value));
}

/** Creates the object with this key, or updates the one a concurrent writer just made. */
export async function upsertByKey(gateway: HubSpotGateway, key: ObjectKey, properties: Record<string, string>) {
  return onlyResult(await upsertByKeys(gateway, key, [{ value: key.value, properties }]));
}

/** Reads by key, else upserts by key, for one object. */
export async function ensureByKey(gateway: HubSpotGateway, key: ObjectKey, properties: Record<string, string>) {
  return onlyResult(await ensureByKeys(gateway, key, [{ value: key.value, properties }]));
}
