// The review queue: the first page is read on the server with the filters in
// the URL (the work list's default view is "to review"); the client keeps it
// fresh (polling), pages on (keyset), and opens the selected conversation's
// lead beside it for review.
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { requireMember } from "@/lib/auth/page";
import { listQueue, resolveOwner } from "@/lib/leads/queue";
import { defaultView, queueQuerySchema, rawQueueQuery } from "@/lib/leads/queue-query";
import { listMembers } from "@/lib/workspaces/members";
import { QueueWorkspace } from "./queue-workspace";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const { workspace, principal } = await requireMember({ role: "reviewer" });
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const item of [value ?? []].flat()) params.append(key, item);
  params.delete("cursor");
  // A hand-edited URL with a bad filter shows the unfiltered queue rather than an error page.
  const parsed = queueQuerySchema.safeParse(rawQueueQuery(params));
  const query = parsed.success ? parsed.data : queueQuerySchema.parse({});
  const t = await getTranslations("queue");
  const [page, members] = await Promise.all([listQueue(workspace.id, resolveOwner({ ...query, view: query.view ?? defaultView(query) }, principal.userId)), listMembers(workspace.id)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <QueueWorkspace
        workspaceId={workspace.id}
        initialRows={page.rows}
        initialNextCursor={page.nextCursor}
        products={workspace.products}
        members={members.map((member) => ({ id: member.userId, email: member.email, name: member.name }))}
      />
    </>
  );
}
