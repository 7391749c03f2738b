// The active workspace's API keys for machines (chatbot imports, score pushes);
// admins only. A new key is shown once.
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { DateTimeText } from "@/app/_components/time";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requireMember } from "@/lib/auth/page";
import { CreateApiKeyForm, RevokeApiKeyButton } from "./api-key-actions";

export default async function ApiKeysPage() {
  const { workspace } = await requireMember({ role: "admin" });
  const keys = await listApiKeys(workspace.id);
  const t = await getTranslations("apiKeySettings");
  const when = (date: Date | null) => (date ? <DateTimeText iso={date.toISOString()} /> : t("never"));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <CreateApiKeyForm />
      <table className="mt-6 w-full rounded-lg border border-slate-200 bg-white text-sm" data-testid="api-keys-table">
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2">{t("name")}</th>
            <th scope="col" className="px-4 py-2">{t("prefix")}</th>
            <th scope="col" className="px-4 py-2">{t("created")}</th>
            <th scope="col" className="px-4 py-2">{t("lastUsed")}</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">{t("status")}</span></th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className="border-t border-slate-100">
              <td className="px-4 py-2 font-medium">{key.name}</td>
              <td className="px-4 py-2 font-mono">{key.prefix}…</td>
              <td className="px-4 py-2">{when(key.createdAt)}</td>
              <td className="px-4 py-2">{when(key.lastUsedAt)}</td>
              <td className="px-4 py-2 text-right">{key.revokedAt ? <>{t("revoked")} {when(key.revokedAt)}</> : <RevokeApiKeyButton id={key.id} name={key.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
