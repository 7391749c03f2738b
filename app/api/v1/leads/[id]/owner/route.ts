// PUT /api/v1/leads/{id}/owner {ownerId: member's user id | null}: reviewers (and
// API keys) give the lead to a member of the workspace, or to nobody. Audited.
import { z } from "zod";
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { setLeadOwner } from "@/lib/owners/assign";

const ownerBody = z.object({ ownerId: z.uuid().nullable() }).strict();

export const PUT = withWorkspace<{ id: string }>(async (request, { principal, params }) => {
  const id = recordId(params.id, "Lead");
  const { ownerId } = await readJsonBody(request, ownerBody, 1_000);
  const { changed } = await setLeadOwner(principal.workspaceId, [id], ownerId, auditActor(principal));
  return Response.json({ lead: { id, ownerId }, changed: changed > 0 });
});
