import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { crmConnectionView } from "@/lib/crm/connections";
import { listWhatsAppNumbers } from "@/lib/workspaces/current";
import { workspaceSettings } from "@/lib/workspaces/settings";
import { WorkspaceSettingsForm } from "./workspace-settings-form";

export default async function SettingsPage() {
  const { workspace, principal } = await requireMember({ role: "manager" });
  const isAdmin = hasRole(principal.role, "admin");
  const [numbers, settings, crm] = await Promise.all([listWhatsAppNumbers(workspace.id), isAdmin ? workspaceSettings(workspace.id) : null, crmConnectionView(workspace.id)]);
  return (
    <>
      <PageHeader title="Settings" description="Workspace, WhatsApp numbers and CRM.">
        {isAdmin ? (
          <div className="flex gap-3 text-sm">
            <Link href="/settings/members" className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-100">
              Members
            </Link>
            <Link href="/settings/api-keys" className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-100">
              API keys
            </Link>
            <Link href="/settings/crm" className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-100">
              CRM
            </Link>
          </div>
        ) : null}
      </PageHeader>
      <dl className="grid max-w-2xl grid-cols-3 gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-white p-6 text-sm">
        <dt className="text-slate-600">Workspace</dt>
        <dd className="col-span-2 font-medium">{workspace.name}</dd>
        <dt className="text-slate-600">Default country</dt>
        <dd className="col-span-2">{workspace.defaultCountry}</dd>
        <dt className="text-slate-600">Time zone</dt>
        <dd className="col-span-2">{workspace.timezone}</dd>
        <dt className="text-slate-600">Products</dt>
        <dd className="col-span-2">{workspace.products.join(", ") || "—"}</dd>
        <dt className="text-slate-600">CRM</dt>
        <dd className="col-span-2">
          {crm.provider === "internal" ? "Internal CRM (Contacts page)" : `HubSpot: ${crm.account.name ?? "account"} (portal ${crm.account.accountId})`}
        </dd>
        <dt className="text-slate-600">WhatsApp numbers</dt>
        <dd className="col-span-2">
          {numbers.length === 0 ? "None" : numbers.map((number) => `${number.displayPhoneNumber ?? "?"} (id ${number.phoneNumberId})`).join(", ")}
        </dd>
      </dl>
      {settings && <WorkspaceSettingsForm initial={settings} />}
    </>
  );
}
