// Settings -> Workspace: name, default country, time zone, business hours and
// days, conversation idle gap, extraction quiet period, languages and
// notifications. Admins change them; managers read them.
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { timeZoneNames } from "@/lib/time/zones";
import { workspaceSettings } from "@/lib/workspaces/settings";
import { WorkspaceForm } from "./workspace-form";

export default async function WorkspaceSettingsPage() {
  const { workspace, principal } = await requireMember({ role: "manager" });
  const settings = await workspaceSettings(workspace.id);
  const canEdit = hasRole(principal.role, "admin");
  const t = await getTranslations("workspaceSettings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {canEdit ? null : <p className="mb-4 max-w-3xl rounded-md bg-slate-100 p-3 text-sm text-slate-700">{t("adminsOnly")}</p>}
      <WorkspaceForm initial={settings} canEdit={canEdit} timeZones={timeZoneNames()} />
    </>
  );
}
