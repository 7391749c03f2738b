// The lead's note in HubSpot: one note on the contact and the deal, with the
// conversation in words (lib/crm/lead-record.ts), made once per lead. Before
// creating notes, the notes already on the contacts are read through their
// associations (a batch read, not search, whose index lags) and one that names
// our lead is taken as the note a previous attempt made. Looking and creating
// happen under a lock per account and lead, so two runs at once (a retry
// overlapping a run that lost its claim) still make one note. For a batch of
// new contacts that is two requests: the associations read, the batch create
// (each note created with its associations, traced by our lead id).
import type { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/objects/notes";
import { crmLeadNoteMarker, leadKeyOfNote } from "@/lib/crm/lead-record";
import type { CrmBatchResult, CrmLeadNoteInput, CrmLeadNoteResult } from "@/lib/crm/types";
import { associatedIds } from "./associations";
import { chunk, writeTraced } from "./batches";
import type { HubSpotGateway } from "./gateway";
import { ownerProperty } from "./owners";

/** HUBSPOT_DEFINED association types "note to contact" and "note to deal". */
export const NOTE_TO_CONTACT = 202;
export const NOTE_TO_DEAL = 214;

/** Per lead key: the note already on its contact that names that lead. */
async function existingNotes(gateway: HubSpotGateway, notes: readonly CrmLeadNoteInput[]): Promise<Map<string, string>> {
  const onContacts = await associatedIds(gateway, "contacts", "notes", [...new Set(notes.map((note) => note.crmContactId))]);
  const noteIds = [...new Set([...onContacts.values()].flat())];
  const found = new Map<string, string>();
  if (noteIds.length === 0) return found;
  const bodies = new Map<string, string>();
  for (const part of chunk(noteIds)) {
    const read = await gateway.call("standard", (client) =>
      client.crm.objects.notes.batchApi.read({ inputs: part.map((id) => ({ id })), properties: ["hs_note_body"], propertiesWithHistory: [] }));
    for (const note of read.results) bodies.set(note.id, note.properties.hs_note_body ?? "");
  }
  for (const note of notes) {
    const marker = crmLeadNoteMarker(note.leadKey);
    const mine = onContacts.get(note.crmContactId)?.find((id) => bodies.get(id)?.includes(marker));
    if (mine) found.set(note.leadKey, mine);
  }
  return found;
}

const to = (id: string, associationTypeId: number) => ({
  to: { id },
  types: [{ associationCategory: "HUBSPOT_DEFINED" as AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId }],
});

/** `ownerIds[i]`: the HubSpot owner of note i. Per note, in input order: found, created, or refused. */
export async function addLeadNotes(gateway: HubSpotGateway, notes: readonly CrmLeadNoteInput[], ownerIds: readonly (string | null)[]): Promise<CrmBatchResult<CrmLeadNoteResult>[]> {
  const keys = [...new Set(notes.map((note) => `lead-note:${note.leadKey}`))];
  return gateway.serializeAll(keys, async () => {
    const found = await existingNotes(gateway, notes);
    const missing = notes.flatMap((note, index) => (found.has(note.leadKey) ? [] : [{ note, ownerId: ownerIds[index] ?? null }]));
    const created = await writeTraced(missing, ({ note }) => note.leadKey, (part) =>
      gateway.call("standard", (client) => client.crm.objects.notes.batchApi.create({
        inputs: part.map(({ note, ownerId }) => ({
          objectWriteTraceId: note.leadKey,
          properties: { hs_timestamp: note.at.toISOString(), hs_note_body: note.html, ...ownerProperty(ownerId) },
          associations: [to(note.crmContactId, NOTE_TO_CONTACT), ...(note.crmLeadId ? [to(note.crmLeadId, NOTE_TO_DEAL)] : [])],
        })),
      })),
      (created) => leadKeyOfNote(created.properties.hs_note_body),
    );
    return notes.map((note): CrmBatchResult<CrmLeadNoteResult> => {
      const existing = found.get(note.leadKey);
      if (existing) return { ok: true, crmNoteId: existing, created: false };
      const outcome = created.get(note.leadKey)!;
      return outcome.ok ? { ok: true, crmNoteId: outcome.record.id, created: true } : { ...outcome, reason: `HubSpot did not save the lead's note: ${outcome.reason}` };
    });
  });
}
