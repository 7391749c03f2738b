import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { listFollowUps } from "@/lib/followups/queries";
import { currentWorkspace } from "@/lib/workspaces/current";

export default async function FollowUpsPage() {
  const workspace = await currentWorkspace();
  const followUps = workspace ? await listFollowUps(workspace.id) : [];
  return (
    <>
      <PageHeader title="Follow-ups" description="Calls and messages promised in conversations, scheduled as CRM tasks." />
      {followUps.length === 0 ? (
        <EmptyState title="No follow-ups yet">
          When a prospect says “call me Tuesday” and the lead is approved, the follow-up is scheduled here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
          {followUps.map((followUp) => (
            <li key={followUp.id} className="flex justify-between px-4 py-3">
              <span>
                {followUp.contact?.name ?? "Prospect"} · {followUp.reason}
              </span>
              <span className="text-slate-600">
                {followUp.channel} · {followUp.status} · {followUp.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
