import { PageHeader } from "@/app/_components/page-header";
import { workspaceFunnel } from "@/lib/funnel/stages";
import { requireMember } from "@/lib/auth/page";

const percent = (value: number) => `${Math.round(value * 100)}%`;

export default async function FunnelPage() {
  const { workspace } = await requireMember({ role: "manager" });
  const stages = await workspaceFunnel(workspace.id);
  return (
    <>
      <PageHeader title="Funnel" description="From conversation to followed-up CRM record, with conversion and drop-off at each step." />
      <ol className="grid gap-3" data-testid="funnel">
        {stages.map((stage) => (
          <li key={stage.key} className="flex items-center justify-between rounded-lg border border-slate-200 bg-white px-4 py-3">
            <span className="font-medium">{stage.label}</span>
            <span className="text-sm text-slate-700">
              <strong className="text-lg text-slate-900">{stage.count}</strong>
              {stage.conversion !== null && stage.dropOff !== null
                ? ` · ${percent(stage.conversion)} of previous · ${stage.dropOff} dropped`
                : ""}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
