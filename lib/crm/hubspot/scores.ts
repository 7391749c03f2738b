// Writing properties on many existing HubSpot contacts at once (the labeled
// scores): one batch update per 100 contacts, traced by contact id so a
// contact HubSpot refuses fails alone. A property the workspace's mapping does
// not let us overwrite is only filled where empty, which needs the contacts'
// current values first (one batch read per 100; none when every property is ours).
import { propertiesToWrite } from "@/lib/crm/mapping";
import type { CrmBatchResult } from "@/lib/crm/types";
import { chunk, writeTraced } from "./batches";
import type { Overwritable } from "./contacts";
import type { HubSpotGateway } from "./gateway";

export type ContactPropertiesWrite = { crmContactId: string; properties: Record<string, string> };

/** Current values of these properties on these contacts, by contact id. */
async function currentValues(gateway: HubSpotGateway, ids: readonly string[], properties: string[]): Promise<Map<string, Record<string, string | null>>> {
  const found = new Map<string, Record<string, string | null>>();
  for (const part of chunk(ids)) {
    const answer = await gateway.call("standard", (client) =>
      client.crm.contacts.batchApi.read({ inputs: part.map((id) => ({ id })), properties, propertiesWithHistory: [] }));
    for (const contact of answer.results) found.set(contact.id, contact.properties);
  }
  return found;
}

/** Per write, in input order: written (or nothing left to write), or refused. */
export async function setContactProperties(gateway: HubSpotGateway, writes: readonly ContactPropertiesWrite[], overwritable: Overwritable): Promise<CrmBatchResult<object>[]> {
  // One contact twice in a call (two leads of one prospect): one write, the last one's values.
  const byContact = new Map(writes.map((write) => [write.crmContactId, write.properties]));
  const guarded = [...new Set([...byContact.values()].flatMap((properties) => Object.keys(properties).filter((property) => !overwritable(property))))];
  const current = guarded.length > 0 ? await currentValues(gateway, [...byContact.keys()], guarded) : new Map<string, Record<string, string | null>>();
  const toSend = [...byContact].flatMap(([id, properties]) => {
    const send = guarded.length > 0 ? propertiesToWrite(properties, current.get(id) ?? {}, overwritable) : properties;
    return Object.keys(send).length > 0 ? [{ id, properties: send }] : [];
  });
  const outcomes = await writeTraced(toSend, (write) => write.id, (part) =>
    gateway.call("standard", (client) => client.crm.contacts.batchApi.update({ inputs: part.map((write) => ({ ...write, objectWriteTraceId: write.id })) })),
    (contact) => contact.id,
  );
  return writes.map((write) => {
    const outcome = outcomes.get(write.crmContactId);
    if (outcome && !outcome.ok) return { ...outcome, reason: `HubSpot did not save the scores on contact ${write.crmContactId}: ${outcome.reason}` };
    return { ok: true };
  });
}
