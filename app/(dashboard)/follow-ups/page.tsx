// The Follow-ups page: first paint from the server, then a client board that
// refetches after a person reschedules or cancels (FollowUpsBoard).
import { PageHeader } from "@/app/_components/page-header";
import { listFollowUps, toFollowUpRowData } from "@/lib/followups/queries";
import { currentWorkspace } from "@/lib/workspaces/current";
import { FollowUpsBoard } from "./follow-ups-board";

export default async function FollowUpsPage() {
  const workspace = await currentWorkspace();
  const rows = workspace ? await listFollowUps(workspace.id) : [];
  return (
    <>
      <PageHeader title="Follow-ups" description="Calls and messages promised in conversations, scheduled as CRM tasks in the prospect's time." />
      <FollowUpsBoard workspaceId={workspace?.id ?? "none"} initialRows={rows.map(toFollowUpRowData)} />
    </>
  );
}
