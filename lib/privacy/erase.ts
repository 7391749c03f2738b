// Erasing a person from a workspace (privacy:erase, or an admin in Settings ->
// Privacy): in one transaction, their conversations with every message,
// score, CRM link and follow-up, their lead proposals (with reviewers'
// corrections), internal CRM contacts and tasks, opt-out, the notifications
// and audit rows that copied their data, payloads parked for this workspace
// that mention them, and pending background work about them are deleted; the deletion of each contact in an outside CRM is queued
// (lib/jobs/erase-crm-contact.ts, retried until the CRM confirms); and an
// audit row records that it happened, with counts and never the person's data.
// Payloads parked for a number no workspace owns yet are not this workspace's
// and are left to the retention period (lib/privacy/retention.ts).
import { recordAuditEvent } from "@/lib/audit/record";
import { db, Prisma } from "@/lib/db/client";
import { eraseCrmContactJob } from "@/lib/jobs/erase-crm-contact";
import type { PrivacyActor } from "./export";
import { findPersonRecords, personKeys, type PersonIdentifier, type PersonKeys } from "./person";

export type ErasureSummary = {
  identifiedBy: "phone" | "email";
  erased: {
    conversations: number;
    messages: number;
    leadProposals: number;
    contacts: number;
    followUps: number;
    optOuts: number;
    notifications: number;
    parkedPayloads: number;
    auditRows: number;
  };
  /** Outbox item ids of the queued outside-CRM deletions. */
  crmDeletionsQueued: string[];
};

/** Text patterns that find the person in a stored JSON payload. */
function payloadPatterns(keys: PersonKeys): string[] {
  const escape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
  return keys.kind === "phone" ? keys.waIds.map((waId) => `%"${escape(waId)}"%`) : [`%${escape(keys.email)}%`];
}

export async function erasePerson(workspace: { id: string; defaultCountry: string }, identifier: PersonIdentifier, actor: PrivacyActor): Promise<ErasureSummary> {
  const keys = personKeys(identifier, workspace.defaultCountry);
  const records = await findPersonRecords(workspace.id, keys);
  const workspaceId = workspace.id;
  const recordIds = [...records.conversationIds, ...records.leadProposalIds, ...records.contactIds, ...records.followUpIds];
  return db().$transaction(
    async (tx) => {
      const messages = await tx.message.count({ where: { conversationId: { in: records.conversationIds } } });
      // Nothing queued may bring them back (an extraction, a sync, a follow-up task).
      await tx.$executeRaw`
        DELETE FROM outbox_items WHERE workspace_id = ${workspaceId}::uuid AND status <> 'claimed' AND (
          payload->>'conversationId' = ANY(${records.conversationIds}::text[])
          OR payload->>'leadProposalId' = ANY(${records.leadProposalIds}::text[])
          OR payload->>'followUpId' = ANY(${records.followUpIds}::text[]))`;
      const auditRows = await tx.auditEvent.deleteMany({ where: { workspaceId, targetId: { in: recordIds } } });
      // A notification's key names its lead or follow-up ("hot_lead_waiting:<lead id>"); its title names the person.
      const notifications = await tx.$queryRaw<{ id: string }[]>`
        DELETE FROM notifications WHERE workspace_id = ${workspaceId}::uuid
          AND split_part(dedupe_key, ':', 2) = ANY(${[...records.leadProposalIds, ...records.followUpIds]}::text[])
        RETURNING id::text`;
      await tx.$executeRaw`
        DELETE FROM outbox_items WHERE workspace_id = ${workspaceId}::uuid AND status <> 'claimed'
          AND payload->>'notificationId' = ANY(${notifications.map((n) => n.id)}::text[])`;
      const parkedPayloads = await tx.$executeRaw`
        DELETE FROM parked_webhooks
        WHERE (routed_workspace_id = ${workspaceId}::uuid OR payload->>'workspaceId' = ${workspaceId})
          AND payload::text ILIKE ANY(${payloadPatterns(keys)}::text[])`;
      await tx.crmTask.deleteMany({ where: { workspaceId, contactId: { in: records.contactIds } } });
      // Cascades: messages, scores, CRM links, internal CRM leads, follow-ups and the proposal of each conversation.
      const conversations = await tx.conversation.deleteMany({ where: { workspaceId, id: { in: records.conversationIds } } });
      await tx.leadProposal.deleteMany({ where: { workspaceId, id: { in: records.leadProposalIds } } });
      await tx.followUp.deleteMany({ where: { workspaceId, id: { in: records.followUpIds } } });
      const contacts = await tx.contact.deleteMany({ where: { workspaceId, id: { in: records.contactIds } } });
      const optOuts = await tx.optOut.deleteMany({ where: { workspaceId, id: { in: records.optOutIds } } });
      const queued = [];
      for (const { crmSystem, crmAccount, crmContactId } of records.remoteCrmContacts) {
        if (crmSystem !== "hubspot") throw new Error(`No erasure for contacts in ${crmSystem}`);
        queued.push((await eraseCrmContactJob.enqueue(tx, { crmSystem, crmAccount, crmContactId }, { workspaceId, dedupeKey: `${crmSystem}:${crmAccount}:${crmContactId}` })).id);
      }
      const summary: ErasureSummary = {
        identifiedBy: keys.kind,
        erased: {
          conversations: conversations.count,
          messages,
          // Most proposals and follow-ups went with their conversation (cascade): count what was found.
          leadProposals: records.leadProposalIds.length,
          contacts: contacts.count,
          followUps: records.followUpIds.length,
          optOuts: optOuts.count,
          notifications: notifications.length,
          parkedPayloads,
          auditRows: auditRows.count,
        },
        crmDeletionsQueued: queued,
      };
      await recordAuditEvent({ workspaceId, ...actor, action: "privacy.erased", targetType: "person", after: { identifiedBy: summary.identifiedBy, ...summary.erased, crmDeletionsQueued: queued.length } as Prisma.InputJsonValue }, tx);
      return summary;
    },
    { timeout: 60_000 },
  );
}
