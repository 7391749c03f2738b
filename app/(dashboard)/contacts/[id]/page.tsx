// One contact's page: who they are, then their conversations, the leads
// proposed from them with the review decisions taken, their follow-ups, and
// the CRM records they are linked to. Another workspace's contact is 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { leadStatusWords, REJECT_REASON_WORDS } from "@/app/_components/lead-words";
import { PageHeader } from "@/app/_components/page-header";
import { DateTimeText } from "@/app/_components/time";
import { requireMember } from "@/lib/auth/page";
import { contactDetail } from "@/lib/contacts/detail";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/http/params";
import type { RejectReason } from "@/lib/leads/lead-status";

const FOLLOW_UP_STATUS: Record<string, string> = { proposed: "Awaiting approval", scheduled: "Scheduled", done: "Done", cancelled: "Cancelled" };
const CHANNEL: Record<string, string> = { call: "Call", whatsapp: "WhatsApp", email: "Email" };
const decisionWords = (action: string) => action.replace(/^lead\./, "").replaceAll("_", " ").replace(/^./, (letter) => letter.toUpperCase());

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section aria-label={title} className="mt-6">
      <h2 className="mb-2 text-base font-semibold">{title} ({count})</h2>
      {count === 0 ? <p className="text-sm text-slate-600">None.</p> : <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">{children}</ul>}
    </section>
  );
}

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { workspace } = await requireMember({ role: "reviewer" });
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const detail = await contactDetail(workspace.id, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { contact } = detail;
  return (
    <>
      <Link href="/contacts" className="text-sm text-slate-700 underline">← All contacts</Link>
      <div className="mt-4">
        <PageHeader title={contact.name} description={[contact.company, contact.productInterest].filter(Boolean).join(" · ") || "Contact"} />
      </div>
      <dl className="grid max-w-3xl grid-cols-3 gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="contact-facts">
        <dt className="text-slate-600">Email</dt>
        <dd className="col-span-2">{contact.email ?? "—"}</dd>
        <dt className="text-slate-600">Phone</dt>
        <dd className="col-span-2">{contact.phoneE164 ?? "—"}</dd>
        <dt className="text-slate-600">Lead score</dt>
        <dd className="col-span-2">{contact.leadScore ?? "—"}</dd>
        <dt className="text-slate-600">Primary objection</dt>
        <dd className="col-span-2">{contact.primaryObjection ?? "—"}</dd>
        <dt className="text-slate-600">Recommended approach</dt>
        <dd className="col-span-2">{contact.recommendedApproach ?? "—"}</dd>
        <dt className="text-slate-600">In the CRM since</dt>
        <dd className="col-span-2"><DateTimeText iso={contact.createdAt.toISOString()} /></dd>
      </dl>

      <Section title="Conversations" count={detail.conversations.length}>
        {detail.conversations.map((conversation) => (
          <li key={conversation.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span>
              {conversation.contactProfileName ?? `+${conversation.contactWaId}`} · {conversation.messageCount} messages{conversation.language ? ` · ${conversation.language}` : ""}
              {conversation.leadProposal ? (
                <>
                  {" · "}
                  <Link href={`/leads/${conversation.leadProposal.id}`} className="underline">Open lead</Link>
                </>
              ) : null}
            </span>
            <span className="text-slate-600">last message <DateTimeText iso={conversation.lastMessageAt.toISOString()} relative /></span>
          </li>
        ))}
      </Section>

      <Section title="Leads" count={detail.leads.length}>
        {detail.leads.map((lead) => (
          <li key={lead.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span>
              <Link href={`/leads/${lead.id}`} className="font-medium underline">{lead.name ?? "Unnamed lead"}</Link>
              {" · "}
              {leadStatusWords(lead.status)}
              {lead.productInterest ? ` · ${lead.productInterest}` : ""}
              {lead.rejectReason ? ` · ${REJECT_REASON_WORDS[lead.rejectReason as RejectReason] ?? lead.rejectReason}` : ""}
            </span>
            <span className="text-slate-600">{lead.reviewedBy ? `reviewed by ${lead.reviewedBy}` : "not reviewed yet"}</span>
          </li>
        ))}
      </Section>

      <Section title="Review decisions" count={detail.decisions.length}>
        {detail.decisions.map((decision) => (
          <li key={decision.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span>{decisionWords(decision.action)} by {decision.actorLabel ?? "the system"}</span>
            <DateTimeText iso={decision.createdAt.toISOString()} relative />
          </li>
        ))}
      </Section>

      <Section title="Follow-ups" count={detail.followUps.length}>
        {detail.followUps.map((followUp) => (
          <li key={followUp.id} className="px-4 py-2">
            <div className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">{CHANNEL[followUp.channel] ?? followUp.channel} · {FOLLOW_UP_STATUS[followUp.status] ?? followUp.status}</span>
              <DateTimeText iso={followUp.dueAt.toISOString()} prospectZone={followUp.timezone} relative />
            </div>
            <div className="text-slate-700">{followUp.reason}</div>
            {followUp.cancelReason ? <div className="text-xs text-slate-600">Cancelled: {followUp.cancelReason}</div> : null}
          </li>
        ))}
      </Section>

      <Section title="CRM links" count={detail.crmLinks.length}>
        {detail.crmLinks.map((link) => (
          <li key={link.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span>
              {link.crmSystem === "internal" ? "Internal CRM" : link.crmSystem === "hubspot" ? "HubSpot" : link.crmSystem} contact {link.url ? <a href={link.url} className="underline">{link.crmContactId}</a> : link.crmContactId}
              {link.crmLeadId ? ` · lead ${link.crmLeadId}` : ""}
            </span>
            <span className="text-slate-600">linked <DateTimeText iso={link.linkedAt.toISOString()} /></span>
          </li>
        ))}
      </Section>
    </>
  );
}
