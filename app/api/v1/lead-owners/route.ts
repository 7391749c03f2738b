// GET /api/v1/lead-owners: the members a lead can be given to (reassigning in
// the review screen, the queue's bulk assign), as {owners: [{userId, email, name}]}.
import { withWorkspace } from "@/lib/http/route";
import { leadOwnerOptions } from "@/lib/owners/assign";

export const GET = withWorkspace(async (_request, { principal }) => Response.json({ owners: await leadOwnerOptions(principal.workspaceId) }));
