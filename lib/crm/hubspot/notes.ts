// The lead's note in HubSpot: one note on the contact and the deal, with the
// conversation in words (lib/crm/lead-record.ts), made once per lead. Before
// creating it, the notes already on the contact are read through its
// associations (not search, whose index lags) and one that names our lead is
// taken as the note a previous attempt made. Looking and creating happen under
// a lock per account and lead, so two runs at once (a retry overlapping a run
// that lost its claim) still make one note.
import { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/objects/notes";
import { crmLeadNoteMarker } from "@/lib/crm/lead-record";
import type { CrmLeadNoteInput, CrmLeadNoteResult } from "@/lib/crm/types";
import type { HubSpotGateway } from "./gateway";
import { ownerProperty } from "./owners";

/** HUBSPOT_DEFINED association types "note to contact" and "note to deal". */
export const NOTE_TO_CONTACT = 202;
export const NOTE_TO_DEAL = 214;
const READ_LIMIT = 100;
/** HubSpot lists at most 500 associations a page. */
const ASSOCIATIONS_PAGE = 500;

/** The contact's note that names our lead, page by page through every note on the contact. */
async function existingNote(gateway: HubSpotGateway, crmContactId: string, marker: string): Promise<string | undefined> {
  let after: string | undefined;
  do {
    const page = await gateway.call("standard", (client) => client.crm.associations.v4.basicApi.getPage("contacts", crmContactId, "notes", after, ASSOCIATIONS_PAGE));
    const ids = page.results.map((result) => String(result.toObjectId));
    for (let start = 0; start < ids.length; start += READ_LIMIT) {
      const inputs = ids.slice(start, start + READ_LIMIT).map((id) => ({ id }));
      const notes = await gateway.call("standard", (client) => client.crm.objects.notes.batchApi.read({ inputs, properties: ["hs_note_body"], propertiesWithHistory: [] }));
      const mine = notes.results.find((note) => note.properties.hs_note_body?.includes(marker));
      if (mine) return mine.id;
    }
    after = page.paging?.next?.after;
  } while (after);
  return undefined;
}

const to = (id: string, associationTypeId: number) => ({
  to: { id },
  types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId }],
});

export async function addLeadNote(gateway: HubSpotGateway, note: CrmLeadNoteInput, ownerId: string | null): Promise<CrmLeadNoteResult> {
  return gateway.serialize(`lead-note:${note.leadKey}`, async () => {
    const found = await existingNote(gateway, note.crmContactId, crmLeadNoteMarker(note.leadKey));
    if (found) return { crmNoteId: found, created: false };
    const created = await gateway.call("standard", (client) => client.crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: note.at.toISOString(), hs_note_body: note.html, ...ownerProperty(ownerId) },
      associations: [to(note.crmContactId, NOTE_TO_CONTACT), ...(note.crmLeadId ? [to(note.crmLeadId, NOTE_TO_DEAL)] : [])],
    }));
    return { crmNoteId: created.id, created: true };
  });
}
