import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { currentWorkspace, listWhatsAppNumbers } from "@/lib/workspaces/current";

export default async function SettingsPage() {
  const workspace = await currentWorkspace();
  if (!workspace) {
    return (
      <>
        <PageHeader title="Settings" description="Workspace, WhatsApp numbers and CRM." />
        <EmptyState title="No workspace yet">Create one with `npm run -s workspace:create`.</EmptyState>
      </>
    );
  }
  const numbers = await listWhatsAppNumbers(workspace.id);
  return (
    <>
      <PageHeader title="Settings" description="Workspace, WhatsApp numbers and CRM." />
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
        <dd className="col-span-2">{workspace.crmProvider ?? "the default (CRM_PROVIDER)"}</dd>
        <dt className="text-slate-600">WhatsApp numbers</dt>
        <dd className="col-span-2">
          {numbers.length === 0 ? "None" : numbers.map((number) => `${number.displayPhoneNumber ?? "?"} (id ${number.phoneNumberId})`).join(", ")}
        </dd>
      </dl>
    </>
  );
}
