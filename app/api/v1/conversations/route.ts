// GET /api/v1/conversations: the workspace's conversations, newest activity
// first; `limit` (1-200, default 50) and the opaque `cursor` of the previous page.
import { z } from "zod";
import { listConversationsPage, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/conversations/api-queries";
import { withWorkspace } from "@/lib/http/route";
import { queryParams } from "@/lib/http/sanitize";

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).optional(),
});

export const GET = withWorkspace(async (request, { principal }) => {
  const query = listQuerySchema.parse(Object.fromEntries(queryParams(request)));
  return Response.json(await listConversationsPage(principal.workspaceId, query));
});
