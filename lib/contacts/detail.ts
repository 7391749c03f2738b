// One contact and everything about that person in the workspace: the
// conversations they had (reviewed into this contact, or written from their
// WhatsApp number), the leads proposed from them with the review decisions
// taken, their follow-ups, and the CRM records they are linked to.
import { db } from "@/lib/db/client";
import { crmContactUrl } from "@/lib/crm/record-url";
import { notFound } from "@/lib/errors";
import { waIdForms } from "@/lib/phone/canonical";

export async function contactDetail(workspaceId: string, contactId: string) {
  const contact = await db().contact.findFirst({
    where: { id: contactId, workspaceId },
    select: { id: true, name: true, email: true, phoneE164: true, company: true, productInterest: true, urgencyLevel: true, leadScore: true, primaryObjection: true, recommendedApproach: true, createdAt: true, updatedAt: true },
  });
  if (!contact) throw notFound("Contact");

  const [leads, crmLeads, fromNumber] = await Promise.all([
    db().leadProposal.findMany({
      where: { workspaceId, contactId },
      orderBy: { createdAt: "desc" },
      select: { id: true, conversationId: true, status: true, name: true, email: true, phone: true, company: true, productInterest: true, urgencyLevel: true, reviewedBy: true, reviewedAt: true, rejectReason: true, syncStatus: true, createdAt: true },
    }),
    db().crmLead.findMany({ where: { workspaceId, contactId }, select: { conversationId: true } }),
    contact.phoneE164 ? db().conversation.findMany({ where: { workspaceId, contactWaId: { in: waIdForms(contact.phoneE164) } }, select: { id: true } }) : [],
  ]);
  const conversationIds = [...new Set([...leads.map((lead) => lead.conversationId), ...crmLeads.map((lead) => lead.conversationId), ...fromNumber.map((row) => row.id)])];
  const leadIds = leads.map((lead) => lead.id);

  const [conversations, decisions, followUps, crmLinks, connection] = await Promise.all([
    db().conversation.findMany({
      where: { workspaceId, id: { in: conversationIds } },
      orderBy: { lastMessageAt: "desc" },
      select: { id: true, channel: true, source: true, contactWaId: true, contactProfileName: true, language: true, firstMessageAt: true, lastMessageAt: true, messageCount: true, leadProposal: { select: { id: true, status: true } } },
    }),
    db().auditEvent.findMany({
      where: { workspaceId, targetType: "lead_proposal", targetId: { in: leadIds }, action: { startsWith: "lead." } },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, action: true, actorLabel: true, targetId: true, after: true, createdAt: true },
    }),
    db().followUp.findMany({
      where: { workspaceId, OR: [{ contactId }, { conversationId: { in: conversationIds } }] },
      orderBy: { dueAt: "desc" },
      select: { id: true, conversationId: true, status: true, dueAt: true, timezone: true, channel: true, reason: true, cancelReason: true, crmTaskId: true },
    }),
    db().crmLink.findMany({
      where: { conversationId: { in: conversationIds } },
      orderBy: { linkedAt: "desc" },
      select: { id: true, conversationId: true, crmSystem: true, crmAccount: true, crmContactId: true, crmLeadId: true, linkedAt: true },
    }),
    // HubSpot records open in the UI domain of the account they belong to.
    db().crmConnection.findUnique({ where: { workspaceId }, select: { accountId: true, uiDomain: true } }),
  ]);
  return {
    contact,
    conversations,
    leads,
    decisions,
    followUps,
    crmLinks: crmLinks.map((link) => ({ ...link, url: crmContactUrl(link, connection) })),
  };
}

export type ContactDetail = Awaited<ReturnType<typeof contactDetail>>;
