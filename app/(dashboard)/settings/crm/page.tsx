// Settings -> CRM (admins): the workspace's own CRM account, how leads map onto
// it, and who owns new leads.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { crmConnectionView } from "@/lib/crm/connections";
import { ownerRulesOf } from "@/lib/owners/assign";
import { listMembers } from "@/lib/workspaces/members";
import { CrmConnectionCard, type ConnectionData } from "./crm-connection";
import { CrmMappingCard } from "./crm-mapping";
import { OwnerRulesForm } from "./owner-rules-form";

export default async function CrmSettingsPage() {
  const { workspace } = await requireMember({ role: "admin" });
  const [connection, rules, members] = await Promise.all([crmConnectionView(workspace.id), ownerRulesOf(workspace.id), listMembers(workspace.id)]);
  const t = await getTranslations("crmSettings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <Link href="/settings" className="text-sm text-slate-700 underline">
          ← {t("back")}
        </Link>
      </PageHeader>
      <div className="grid gap-6">
        <CrmConnectionCard connection={JSON.parse(JSON.stringify(connection)) as ConnectionData} />
        {connection.provider !== "internal" && <CrmMappingCard workspaceId={workspace.id} />}
        <section aria-labelledby="owners-heading" className="grid max-w-3xl gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm">
          <h2 id="owners-heading" className="text-base font-semibold">{t("owners.title")}</h2>
          <p className="text-slate-600">{t("owners.description")}</p>
          <OwnerRulesForm initial={rules} members={members.map(({ userId, email, name }) => ({ userId, email, name }))} products={workspace.products} />
        </section>
      </div>
    </>
  );
}
