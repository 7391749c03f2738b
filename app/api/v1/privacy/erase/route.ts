// POST /api/v1/privacy/erase {phone} | {email}: erases that person from the
// active workspace (lib/privacy/erase.ts) and queues the deletion of their
// contact in an outside CRM. Answers the counts. Admins only; audited.
import { dispatchAfterResponse } from "@/inngest/kick";
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { erasePerson } from "@/lib/privacy/erase";
import { personIdentifierSchema } from "@/lib/privacy/person";
import { currentWorkspaceOf } from "@/lib/workspaces/summary";

export const POST = withWorkspace(
  async (request, { principal }) => {
    const identifier = await readJsonBody(request, personIdentifierSchema, 10_000);
    const summary = await erasePerson(await currentWorkspaceOf(principal.workspaceId), identifier, auditActor(principal));
    dispatchAfterResponse();
    return Response.json(summary);
  },
  { role: "admin" },
);
