// GET /api/v1/contacts?q=&cursor=&limit= (reviewers, API keys): the internal
// CRM's contacts, newest activity first; `q` searches name, company, email and
// phone digits; pass `nextCursor` as `cursor` for the next page.
import { contactFiltersFrom, listContacts } from "@/lib/contacts/queries";
import { withWorkspace } from "@/lib/http/route";

export const GET = withWorkspace(async (request, { principal }) => {
  const filters = contactFiltersFrom(new URL(request.url).searchParams);
  return Response.json(await listContacts(principal.workspaceId, filters), { headers: { "cache-control": "no-store" } });
});
