// GET /api/v1/leads: the review queue's list (conversations beside their
// proposed leads), for reviewers' dashboards and API keys. Query: status,
// urgency, flag (each repeatable or comma-separated), product, language,
// from/to (lastMessageAt), q (name / email / phone digits), sort
// (newest|oldest|urgency), view (to_review|done), owner (a user id, or "me"),
// cursor (the previous page's nextCursor), limit (1-200).
// Answers { rows, nextCursor }; 422 names each bad parameter.
import { withWorkspace } from "@/lib/http/route";
import { listQueue, parseQueueQuery, resolveOwner } from "@/lib/leads/queue";
import { rawQueueQuery } from "@/lib/leads/queue-query";

export const dynamic = "force-dynamic";

export const GET = withWorkspace(
  async (request, { principal }) => {
    const query = resolveOwner(parseQueueQuery(rawQueueQuery(new URL(request.url).searchParams)), principal.kind === "member" ? principal.userId : null);
    return Response.json(await listQueue(principal.workspaceId, query), { headers: { "cache-control": "no-store" } });
  },
  { role: "reviewer", callers: "any" },
);
