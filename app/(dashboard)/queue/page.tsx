// The review queue: first paint from the server, then the table polls for new
// conversations (QueueTable).
import { PageHeader } from "@/app/_components/page-header";
import { listRecentConversations, toQueueRowData } from "@/lib/conversations/queries";
import { currentWorkspace } from "@/lib/workspaces/current";
import { QueueTable } from "./queue-table";

export default async function QueuePage() {
  const workspace = await currentWorkspace();
  const rows = workspace ? await listRecentConversations(workspace.id) : [];
  return (
    <>
      <PageHeader title="Review queue" description="Conversations and the leads proposed from them, newest activity first." />
      <QueueTable workspaceId={workspace?.id ?? "none"} initialRows={rows.map(toQueueRowData)} />
    </>
  );
}
