// Everything one workspace holds about one person, found by their phone (any
// form they wrote from: lib/phone/canonical.ts) or email: the lead proposals
// and contacts that carry it, the conversations those came from and every
// conversation from the same WhatsApp number, what those conversations
// produced (proposals, contacts, follow-ups, CRM links) and their opt-out.
// What privacy:export shows and privacy:erase deletes.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readPhone } from "@/lib/extraction/validation";
import { canonicalPhone, phoneFromWaId, waIdForms } from "@/lib/phone/canonical";

/** Who the request is about, as the person (or an admin for them) gave it. */
export type PersonIdentifier = { phone: string } | { email: string };

/** A request body naming the person: `{phone}` or `{email}`, exactly one. */
export const personIdentifierSchema = z
  .object({ phone: z.string().trim().min(6).max(40).optional(), email: z.email().max(320).optional() })
  .refine((value) => (value.phone === undefined) !== (value.email === undefined), { path: ["phone"], message: "give either phone or email" })
  .transform((value): PersonIdentifier => (value.phone !== undefined ? { phone: value.phone } : { email: value.email! }));

/** The same person in the forms we store: E.164 and its wa_ids, or a lowercased email. */
export type PersonKeys = { kind: "phone"; e164: string; waIds: string[] } | { kind: "email"; email: string };

export function personKeys(identifier: PersonIdentifier, defaultCountry: string): PersonKeys {
  if ("email" in identifier) return { kind: "email", email: identifier.email.trim().toLowerCase() };
  const reading = readPhone(identifier.phone, defaultCountry);
  if (!reading) throw new AppError("validation_failed", "The phone number cannot be read.", { errors: [{ path: "phone", message: "is not a phone number" }] });
  const e164 = canonicalPhone(reading.e164);
  return { kind: "phone", e164, waIds: waIdForms(e164) };
}

export type PersonRecords = {
  conversationIds: string[];
  leadProposalIds: string[];
  contactIds: string[];
  followUpIds: string[];
  optOutIds: string[];
  /** Contacts in an outside CRM (the internal CRM's are `contactIds`). */
  remoteCrmContacts: { crmSystem: string; crmAccount: string; crmContactId: string }[];
};

export async function findPersonRecords(workspaceId: string, keys: PersonKeys): Promise<PersonRecords> {
  const byKey = keys.kind === "phone" ? { phoneE164: keys.e164 } : { emailNormalized: keys.email };
  const [directProposals, directContacts, directConversations, optOuts] = await Promise.all([
    db().leadProposal.findMany({ where: { workspaceId, ...byKey }, select: { id: true, conversationId: true, contactId: true } }),
    db().contact.findMany({ where: { workspaceId, ...byKey }, select: { id: true } }),
    keys.kind === "phone" ? db().conversation.findMany({ where: { workspaceId, contactWaId: { in: keys.waIds } }, select: { id: true } }) : Promise.resolve([]),
    keys.kind === "phone" ? db().optOut.findMany({ where: { workspaceId, waId: { in: keys.waIds } }, select: { id: true } }) : Promise.resolve([]),
  ]);
  // The conversations the person's leads and contacts came from, and what those conversations produced.
  const contactIds = new Set([...directContacts.map((c) => c.id), ...directProposals.flatMap((p) => (p.contactId ? [p.contactId] : []))]);
  const fromContacts = contactIds.size > 0 ? await db().leadProposal.findMany({ where: { workspaceId, contactId: { in: [...contactIds] } }, select: { conversationId: true } }) : [];
  const linked = [...new Set([...directConversations.map((c) => c.id), ...directProposals.map((p) => p.conversationId), ...fromContacts.map((p) => p.conversationId)])];
  // The WhatsApp number of those conversations is the person's too: every conversation and opt-out from it.
  // (in each form it may arrive as: a Brazilian mobile writes with and without its 9th digit).
  const linkedWaIds = (await db().conversation.findMany({ where: { id: { in: linked } }, select: { contactWaId: true } })).map((c) => c.contactWaId);
  const waIds = [...new Set(linkedWaIds.flatMap((waId) => waIdForms(phoneFromWaId(waId))))];
  const [sameNumber, sameNumberOptOuts] = await Promise.all([
    db().conversation.findMany({ where: { workspaceId, contactWaId: { in: waIds } }, select: { id: true } }),
    db().optOut.findMany({ where: { workspaceId, waId: { in: waIds } }, select: { id: true } }),
  ]);
  const conversationIds = [...new Set([...linked, ...sameNumber.map((c) => c.id)])];
  const [proposals, followUps, links] = await Promise.all([
    db().leadProposal.findMany({ where: { workspaceId, OR: [{ conversationId: { in: conversationIds } }, ...directProposals.map((p) => ({ id: p.id }))] }, select: { id: true, contactId: true } }),
    db().followUp.findMany({ where: { workspaceId, OR: [{ conversationId: { in: conversationIds } }, { contactId: { in: [...contactIds] } }] }, select: { id: true } }),
    db().crmLink.findMany({ where: { conversationId: { in: conversationIds } }, select: { crmSystem: true, crmAccount: true, crmContactId: true } }),
  ]);
  for (const proposal of proposals) if (proposal.contactId) contactIds.add(proposal.contactId);
  const remote = new Map(links.filter((link) => link.crmSystem !== "internal").map((link) => [`${link.crmSystem}:${link.crmAccount}:${link.crmContactId}`, link]));
  return {
    conversationIds,
    leadProposalIds: proposals.map((p) => p.id),
    contactIds: [...contactIds],
    followUpIds: followUps.map((f) => f.id),
    optOutIds: [...new Set([...optOuts, ...sameNumberOptOuts].map((o) => o.id))],
    remoteCrmContacts: [...remote.values()],
  };
}
