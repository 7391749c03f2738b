// The internal CRM: contacts, leads and tasks in our own database, one
// workspace at a time. The default CRM, shown on the Contacts page. It honours
// the same contract as a vendor's CRM (never a duplicate contact: one per
// email and one per phone, enforced by unique indexes), records the lead's
// owner on the contact (when it has none), the lead and its tasks, and keeps
// the lead's note on the lead.
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/http/params";
import { canonicalPhone } from "@/lib/phone/canonical";
import { oneByOne } from "../batch";
import { CrmPermanentError } from "../errors";
import type { CrmAdapter, CrmContact, CrmContactInput, CrmContactUpsertResult, CrmLabeledScores, CrmLeadInput, CrmLeadNoteInput, CrmTaskInput } from "../types";

const contactSelect = { id: true, name: true, email: true, phoneE164: true, company: true } as const;

type ContactRow = { id: string; name: string; email: string | null; phoneE164: string | null; company: string | null };

const toCrmContact = (row: ContactRow): CrmContact => ({ crmContactId: row.id, name: row.name, email: row.email, phone: row.phoneE164, company: row.company });

export function createInternalCrm(workspaceId: string): CrmAdapter {
  async function findRow(email: string | null | undefined, phone: string | null | undefined): Promise<ContactRow | null> {
    if (email) {
      const byEmail = await db().contact.findFirst({ where: { workspaceId, emailNormalized: email.trim().toLowerCase() }, select: contactSelect });
      if (byEmail) return byEmail;
    }
    if (phone) {
      return db().contact.findFirst({ where: { workspaceId, phoneE164: canonicalPhone(phone) }, select: contactSelect });
    }
    return null;
  }

  async function upsertContact(input: CrmContactInput): Promise<CrmContactUpsertResult> {
    if (!input.email && !input.phone) throw new CrmPermanentError("A contact needs an email or a phone.");
    const email = input.email?.trim() || null;
    const phone = input.phone ? canonicalPhone(input.phone) : null;
    const fill = {
      name: input.name,
      ...(email ? { email, emailNormalized: email.toLowerCase() } : {}),
      ...(phone ? { phoneE164: phone } : {}),
      ...(input.company ? { company: input.company } : {}),
    };
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await findRow(email, phone);
      try {
        if (existing) {
          await db().contact.update({ where: { id: existing.id }, data: fill });
          if (input.owner) await db().contact.updateMany({ where: { id: existing.id, ownerId: null }, data: { ownerId: input.owner.userId } });
          return { crmContactId: existing.id, created: false };
        }
        const created = await db().contact.create({ data: { workspaceId, ...fill, ownerId: input.owner?.userId ?? null }, select: { id: true } });
        return { crmContactId: created.id, created: true };
      } catch (error) {
        // Another writer created it (or took this email/phone) meanwhile: look again.
        if (!isUniqueViolation(error) || attempt === 1) {
          if (isUniqueViolation(error)) throw new CrmPermanentError("The email and the phone belong to two different contacts; merge them first.");
          throw error;
        }
      }
    }
    throw new Error("unreachable");
  }

  async function createLead(lead: CrmLeadInput) {
    const existing = await db().crmLead.findUnique({ where: { conversationId: lead.conversationId }, select: { id: true } });
    if (existing) return { crmLeadId: existing.id, created: false };
    try {
      const created = await db().crmLead.create({
        data: { workspaceId, contactId: lead.crmContactId, conversationId: lead.conversationId, title: lead.title, ownerId: lead.owner?.userId ?? null },
        select: { id: true },
      });
      return { crmLeadId: created.id, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await db().crmLead.findUniqueOrThrow({ where: { conversationId: lead.conversationId }, select: { id: true } });
      return { crmLeadId: raced.id, created: false };
    }
  }

  async function setLabeledScores(crmContactId: string, scores: CrmLabeledScores) {
    const { count } = await db().contact.updateMany({
      where: { id: crmContactId, workspaceId },
      data: { leadScore: scores.leadScore, primaryObjection: scores.primaryObjection, recommendedApproach: scores.recommendedApproach },
    });
    if (count === 0) throw new CrmPermanentError(`Contact ${crmContactId} does not exist in the internal CRM.`);
  }

  async function addLeadNote(note: CrmLeadNoteInput) {
    if (!note.crmLeadId) throw new CrmPermanentError("The internal CRM keeps a lead's note on the lead: the lead is missing.");
    // Written once: a lead that has its note keeps it.
    const { count } = await db().crmLead.updateMany({ where: { id: note.crmLeadId, workspaceId, note: null }, data: { note: note.text } });
    if (count === 0 && !(await db().crmLead.count({ where: { id: note.crmLeadId, workspaceId } }))) {
      throw new CrmPermanentError(`Lead ${note.crmLeadId} does not exist in the internal CRM.`);
    }
    return { crmNoteId: note.crmLeadId, created: count === 1 };
  }

  return {
    system: "internal",
    accountKey: `internal:${workspaceId}`,
    async findContactByEmail(email) {
      const row = await findRow(email, null);
      return row ? toCrmContact(row) : null;
    },
    async findContactByPhone(phone) {
      const row = await findRow(null, phone);
      return row ? toCrmContact(row) : null;
    },
    upsertContact,
    upsertContacts: (contacts) => oneByOne(contacts, upsertContact),
    createLead,
    createLeads: (leads) => oneByOne(leads, createLead),
    addLeadNote,
    addLeadNotes: (notes) => oneByOne(notes, addLeadNote),
    setLabeledScores,
    setLabeledScoresOf: (updates) =>
      oneByOne(updates, async ({ crmContactId, scores }) => {
        await setLabeledScores(crmContactId, scores);
        return {};
      }),
    async deleteContact(crmContactId: string) {
      if (!isUuid(crmContactId)) return { deleted: false };
      // Its tasks name the person too; its leads go with it (cascade).
      await db().crmTask.deleteMany({ where: { workspaceId, contactId: crmContactId } });
      const { count } = await db().contact.deleteMany({ where: { id: crmContactId, workspaceId } });
      return { deleted: count > 0 };
    },
    async createTask(task: CrmTaskInput) {
      // One task per follow-up (CrmTask.followUpId is unique): a repeat returns the first.
      const existing = await db().crmTask.findUnique({ where: { followUpId: task.followUpId }, select: { id: true } });
      if (existing) return { crmTaskId: existing.id };
      try {
        const created = await db().crmTask.create({
          data: {
            workspaceId,
            contactId: task.crmContactId,
            followUpId: task.followUpId,
            subject: task.subject,
            body: task.body ?? null,
            dueAt: task.dueAt,
            priority: task.priority,
            type: task.type,
            ownerId: task.owner?.userId ?? null,
          },
          select: { id: true },
        });
        return { crmTaskId: created.id };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await db().crmTask.findUniqueOrThrow({ where: { followUpId: task.followUpId }, select: { id: true } });
        return { crmTaskId: raced.id };
      }
    },
    async ensureCustomProperties() {
      // Our own tables have the labeled score columns.
      return { created: [] };
    },
  };
}
