// Settings -> WhatsApp: the numbers whose webhooks reach this workspace (admins
// add and remove them; managers read them) and, for admins, deliveries parked
// for numbers no workspace owns yet, each with "Route to this workspace".
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { listParkedNumbers, listWhatsAppNumbers } from "@/lib/workspaces/whatsapp-numbers";
import { AddNumberForm, ParkedNumbers, RemoveNumberButton } from "./number-actions";

export default async function WhatsAppSettingsPage() {
  const { workspace, principal } = await requireMember({ role: "manager" });
  const canEdit = hasRole(principal.role, "admin");
  const [numbers, parked] = await Promise.all([listWhatsAppNumbers(workspace.id), canEdit ? listParkedNumbers() : []]);
  const t = await getTranslations("whatsappSettings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <table className="w-full max-w-3xl rounded-lg border border-slate-200 bg-white text-sm" data-testid="whatsapp-numbers">
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2">{t("number")}</th>
            <th scope="col" className="px-4 py-2">phone_number_id</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">{t("actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {numbers.length === 0 ? (
            <tr>
              <td colSpan={3} className="px-4 py-3 text-slate-600">{t("empty")}</td>
            </tr>
          ) : (
            numbers.map((number) => (
              <tr key={number.id} className="border-t border-slate-100">
                <td className="px-4 py-2 font-medium">{number.displayPhoneNumber ?? "—"}</td>
                <td className="px-4 py-2 font-mono">{number.phoneNumberId}</td>
                <td className="px-4 py-2 text-right">{canEdit ? <RemoveNumberButton id={number.id} label={number.displayPhoneNumber ?? number.phoneNumberId} /> : null}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {canEdit ? (
        <>
          <AddNumberForm />
          <ParkedNumbers numbers={parked.map((number) => ({ ...number, firstReceivedAt: number.firstReceivedAt.toISOString(), lastReceivedAt: number.lastReceivedAt.toISOString() }))} />
        </>
      ) : (
        <p className="mt-4 max-w-3xl rounded-md bg-slate-100 p-3 text-sm text-slate-700">{t("adminsOnly")}</p>
      )}
    </>
  );
}
