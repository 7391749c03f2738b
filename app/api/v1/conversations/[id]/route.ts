// GET /api/v1/conversations/{id}: one conversation with its messages in the
// order they were sent.
import { getConversationWithMessages } from "@/lib/conversations/api-queries";
import { withWorkspace } from "@/lib/http/route";

export const GET = withWorkspace<{ id: string }>(async (_request, { principal, params }) => {
  return Response.json({ conversation: await getConversationWithMessages(principal.workspaceId, params.id) });
});
