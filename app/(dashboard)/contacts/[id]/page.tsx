// One contact's page: who they are, then their conversations, the leads
// proposed from them with the review decisions taken, their follow-ups, and
// the CRM records they are linked to. Another workspace's contact is 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { leadStatusWords, rejectReasonWords } from "@/app/_components/lead-words";
import { PageHeader } from "@/app/_components/page-header";
import { DateTimeText } from "@/app/_components/time";
import { requireMember } from "@/lib/auth/page";
import { contactDetail } from "@/lib/contacts/detail";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/http/params";

type T = Awaited<ReturnType<typeof getTranslations>>;

/** A review decision in words ("Approved"): the catalog's for its audit action, else the code's own words. */
function decisionWords(t: T, action: string): string {
  const code = action.replace(/^lead\./, "");
  const words = t.has(`review.audit.${code}`) ? t(`review.audit.${code}`) : code.replaceAll("_", " ");
  return words.replace(/^./, (letter) => letter.toUpperCase());
}

const wordOr = (t: T, key: string, code: string) => (t.has(key) ? t(key) : code);

function Section({ title, count, none, children }: { title: string; count: number; none: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mt-6">
      <h2 className="mb-2 text-base font-semibold">{title} ({count})</h2>
      {count === 0 ? <p className="text-sm text-slate-600">{none}</p> : <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">{children}</ul>}
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
  const t = await getTranslations();
  const none = t("contact.none");
  return (
    <>
      <Link href="/contacts" className="text-sm text-slate-700 underline">{t("contact.all")}</Link>
      <div className="mt-4">
        <PageHeader title={contact.name} description={[contact.company, contact.productInterest].filter(Boolean).join(" · ") || t("contact.fallbackDescription")} />
      </div>
      <dl className="grid max-w-3xl grid-cols-3 gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="contact-facts">
        <dt className="text-slate-600">{t("contact.facts.email")}</dt>
        <dd className="col-span-2">{contact.email ?? "—"}</dd>
        <dt className="text-slate-600">{t("contact.facts.phone")}</dt>
        <dd className="col-span-2">{contact.phoneE164 ?? "—"}</dd>
        <dt className="text-slate-600">{t("contact.facts.leadScore")}</dt>
        <dd className="col-span-2">{contact.leadScore ?? "—"}</dd>
        <dt className="text-slate-600">{t("contact.facts.primaryObjection")}</dt>
        <dd className="col-span-2">{contact.primaryObjection ?? "—"}</dd>
        <dt className="text-slate-600">{t("contact.facts.recommendedApproach")}</dt>
        <dd className="col-span-2">{contact.recommendedApproach ?? "—"}</dd>
        <dt className="text-slate-600">{t("contact.facts.since")}</dt>
        <dd className="col-span-2"><DateTimeText iso={contact.createdAt.toISOString()} /></dd>
      </dl>

      <Section title={t("contact.sections.conversations")} count={detail.conversations.length} none={none}>
        {detail.conversations.map((conversation) => (
          <li key={conversation.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span>
              {conversation.contactProfileName ?? `+${conversation.contactWaId}`} · {t("contact.messages", { count: conversation.messageCount })}{conversation.language ? ` · ${conversation.language}` : ""}
              {conversation.leadProposal ? (
                <>
                  {" · "}
                  <Link href={`/leads/${conversation.leadProposal.id}`} className="underline">{t("contact.openLead")}</Link>
                </>
              ) : null}
            </span>
            <span className="text-slate-600">{t("contact.lastMessage")} <DateTimeText iso={conversation.lastMessageAt.toISOString()} relative /></span>
          </li>
        ))}
      </Section>

      <Section title={t("contact.sections.leads")} count={detail.leads.length} none={none}>
        {detail.leads.map((lead) => (
          <li key={lead.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span>
              <Link href={`/leads/${lead.id}`} className="font-medium underline">{lead.name ?? t("contact.unnamedLead")}</Link>
              {" · "}
              {leadStatusWords(t, lead.status)}
              {lead.productInterest ? ` · ${lead.productInterest}` : ""}
              {lead.rejectReason ? ` · ${rejectReasonWords(t, lead.rejectReason)}` : ""}
            </span>
            <span className="text-slate-600">{lead.reviewedBy ? t("contact.reviewedBy", { name: lead.reviewedBy }) : t("contact.notReviewed")}</span>
          </li>
        ))}
      </Section>

      <Section title={t("contact.sections.decisions")} count={detail.decisions.length} none={none}>
        {detail.decisions.map((decision) => (
          <li key={decision.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span>{t("contact.decisionBy", { action: decisionWords(t, decision.action), actor: decision.actorLabel ?? t("contact.theSystem") })}</span>
            <DateTimeText iso={decision.createdAt.toISOString()} relative />
          </li>
        ))}
      </Section>

      <Section title={t("contact.sections.followUps")} count={detail.followUps.length} none={none}>
        {detail.followUps.map((followUp) => (
          <li key={followUp.id} className="px-4 py-2">
            <div className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">{wordOr(t, `followUps.channel.${followUp.channel}`, followUp.channel)} · {wordOr(t, `followUps.status.${followUp.status}`, followUp.status)}</span>
              <DateTimeText iso={followUp.dueAt.toISOString()} prospectZone={followUp.timezone} relative />
            </div>
            <div className="text-slate-700">{followUp.reason}</div>
            {followUp.cancelReason ? <div className="text-xs text-slate-600">{t("contact.cancelled", { reason: followUp.cancelReason })}</div> : null}
          </li>
        ))}
      </Section>

      <Section title={t("contact.sections.crmLinks")} count={detail.crmLinks.length} none={none}>
        {detail.crmLinks.map((link) => (
          <li key={link.id} className="flex flex-wrap justify-between gap-2 px-4 py-2">
            <span>
              {t("contact.crmContact", { crm: link.crmSystem === "internal" ? t("contact.internalCrm") : link.crmSystem === "hubspot" ? "HubSpot" : link.crmSystem })} {link.url ? <a href={link.url} className="underline">{link.crmContactId}</a> : link.crmContactId}
              {link.crmLeadId ? t("contact.crmLead", { id: link.crmLeadId }) : ""}
            </span>
            <span className="text-slate-600">{t("contact.linked")} <DateTimeText iso={link.linkedAt.toISOString()} /></span>
          </li>
        ))}
      </Section>
    </>
  );
}
