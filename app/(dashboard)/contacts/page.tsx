// Contacts: the internal CRM's people, searched by name, company, email or
// phone digits (?q=), newest activity first, each opening its own page; the
// filtered list exports as CSV.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { listContacts } from "@/lib/contacts/queries";
import { ContactSearch } from "./contact-search";

type SearchParams = Promise<{ q?: string | string[]; cursor?: string | string[] }>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const { workspace } = await requireMember({ role: "reviewer" });
  const params = await searchParams;
  const q = first(params.q).slice(0, 200);
  const cursor = first(params.cursor) || undefined;
  const t = await getTranslations("contacts");
  const { rows, nextCursor } = await listContacts(workspace.id, { q, cursor, limit: 100 });
  const exportHref = `/api/v1/contacts/export${q ? `?${new URLSearchParams({ q })}` : ""}`;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <a href={exportHref} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100" download>
          {t("export")}
        </a>
      </PageHeader>
      <ContactSearch initial={q} />
      {rows.length === 0 ? (
        q ? (
          <p className="text-sm text-slate-600">{t("noMatch", { q })}</p>
        ) : (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        )
      ) : (
        <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="contacts-table">
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2">{t("columns.name")}</th>
              <th scope="col" className="px-4 py-2">{t("columns.email")}</th>
              <th scope="col" className="px-4 py-2">{t("columns.phone")}</th>
              <th scope="col" className="px-4 py-2">{t("columns.company")}</th>
              <th scope="col" className="px-4 py-2">{t("columns.leadScore")}</th>
              <th scope="col" className="px-4 py-2">{t("columns.owner")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((contact) => (
              <tr key={contact.id} className="border-t border-slate-100">
                <td className="px-4 py-2 font-medium">
                  <Link href={`/contacts/${contact.id}`} className="underline">{contact.name}</Link>
                </td>
                <td className="px-4 py-2">{contact.email ?? "—"}</td>
                <td className="px-4 py-2">{contact.phoneE164 ?? "—"}</td>
                <td className="px-4 py-2">{contact.company ?? "—"}</td>
                <td className="px-4 py-2">{contact.leadScore ?? "—"}</td>
                <td className="px-4 py-2">{contact.owner ? (contact.owner.name ?? contact.owner.email) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor ? (
        <Link href={`/contacts?${new URLSearchParams({ ...(q && { q }), cursor: nextCursor })}`} className="mt-4 inline-block text-sm underline">
          {t("nextPage")}
        </Link>
      ) : null}
    </>
  );
}
