// Settings -> Privacy (admins): a person's data in this workspace, exported as
// JSON or erased (with their contact in an outside CRM), and how long raw
// WhatsApp payloads are kept.
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { env } from "@/lib/env";
import { PrivacyRequestForm } from "./privacy-request-form";

export default async function PrivacyPage() {
  await requireMember({ role: "admin" });
  const t = await getTranslations("privacySettings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PrivacyRequestForm />
      <p className="mt-6 max-w-2xl text-sm text-slate-600">
        {t.rich("retention", { days: env().WEBHOOK_PAYLOAD_RETENTION_DAYS, variable: "WEBHOOK_PAYLOAD_RETENTION_DAYS", code: (chunks) => <code>{chunks}</code> })}
      </p>
    </>
  );
}
