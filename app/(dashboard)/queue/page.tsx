// The review queue: the first page is read on the server with the filters in
// the URL; the client keeps it fresh (polling), pages on (keyset), and opens
// the selected conversation's lead beside it for review.
import { sanitizeText } from "@/lib/http/sanitize";
import { PageHeader } from "@/app/_components/page-header";
import { listQueue } from "@/lib/leads/queue";
import { queueQuerySchema, rawQueueQuery } from "@/lib/leads/queue-query";
import { currentWorkspace } from "@/lib/workspaces/current";
import { QueueWorkspace } from "./queue-workspace";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const workspace = await currentWorkspace();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const item of [value ?? []].flat()) params.append(sanitizeText(key), sanitizeText(item));
  params.delete("cursor");
  // A hand-edited URL with a bad filter shows the unfiltered queue rather than an error page.
  const parsed = queueQuerySchema.safeParse(rawQueueQuery(params));
  const page = await listQueue(workspace.id, parsed.success ? parsed.data : {});
  return (
    <>
      <PageHeader title="Review queue" description="Conversations beside the leads proposed from them. Filter, search, and open one to review it." />
      <QueueWorkspace workspaceId={workspace.id} initialRows={page.rows} initialNextCursor={page.nextCursor} products={workspace.products} />
    </>
  );
}
