// A person's data in one workspace, as JSON they can be given (a subject
// access request): their conversations with every message, the lead proposals,
// contacts, follow-ups, behavioral scores, CRM links and opt-out found for
// them (lib/privacy/person.ts). Reading it is audited, without the data.
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { findPersonRecords, personKeys, type PersonIdentifier } from "./person";

export type PrivacyActor = Pick<AuditEntry, "actorType" | "actorId" | "actorLabel">;

export async function exportPerson(workspace: { id: string; name: string; defaultCountry: string }, identifier: PersonIdentifier, actor: PrivacyActor) {
  const keys = personKeys(identifier, workspace.defaultCountry);
  const records = await findPersonRecords(workspace.id, keys);
  const [conversations, leadProposals, contacts, followUps, optOuts] = await Promise.all([
    db().conversation.findMany({
      where: { id: { in: records.conversationIds } },
      orderBy: { firstMessageAt: "asc" },
      select: {
        id: true,
        externalId: true,
        channel: true,
        source: true,
        contactWaId: true,
        contactProfileName: true,
        language: true,
        firstMessageAt: true,
        lastMessageAt: true,
        messages: { orderBy: { sentAt: "asc" }, select: { id: true, providerMessageId: true, role: true, type: true, body: true, sentAt: true, deliveryStatus: true } },
        scores: { orderBy: { receivedAt: "asc" }, select: { source: true, version: true, intentScore: true, objectionType: true, followUpTone: true, receivedAt: true } },
        crmLinks: { select: { crmSystem: true, crmContactId: true, crmLeadId: true, linkedAt: true } },
      },
    }),
    db().leadProposal.findMany({
      where: { id: { in: records.leadProposalIds } },
      select: {
        id: true,
        conversationId: true,
        status: true,
        name: true,
        email: true,
        phone: true,
        company: true,
        productInterest: true,
        urgencyLevel: true,
        evidence: true,
        validation: true,
        createdAt: true,
        reviewedAt: true,
        rejectReason: true,
        rejectNote: true,
      },
    }),
    db().contact.findMany({
      where: { id: { in: records.contactIds } },
      select: { id: true, name: true, email: true, phoneE164: true, company: true, productInterest: true, urgencyLevel: true, leadScore: true, primaryObjection: true, recommendedApproach: true, createdAt: true, crmTasks: { select: { subject: true, body: true, dueAt: true, type: true, status: true } } },
    }),
    db().followUp.findMany({ where: { id: { in: records.followUpIds } }, select: { id: true, conversationId: true, dueAt: true, timezone: true, channel: true, reason: true, signal: true, status: true, taskSubject: true, taskBody: true, createdAt: true } }),
    db().optOut.findMany({ where: { id: { in: records.optOutIds } }, select: { waId: true, optedOutAt: true } }),
  ]);
  await recordAuditEvent({
    workspaceId: workspace.id,
    ...actor,
    action: "privacy.exported",
    targetType: "person",
    after: { identifiedBy: keys.kind, conversations: conversations.length, leadProposals: leadProposals.length, contacts: contacts.length },
  });
  return {
    exportedAt: new Date().toISOString(),
    workspace: { id: workspace.id, name: workspace.name },
    identifiedBy: keys.kind === "phone" ? { phone: keys.e164, whatsAppIds: keys.waIds } : { email: keys.email },
    conversations,
    leadProposals,
    contacts,
    followUps,
    optOuts,
  };
}
