// POST /api/v1/parked-webhooks/:id/route (admins): routes that parked delivery's
// number to the active workspace and ingests every delivery parked for it.
import { auditActor } from "@/lib/auth/principal";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { routeParked } from "@/lib/workspaces/whatsapp-numbers";

export const POST = withWorkspace<{ id: string }>(
  async (_request, { principal, params }) => {
    const result = await routeParked(principal.workspaceId, recordId(params.id, "Parked webhook"), auditActor(principal));
    return Response.json({ phoneNumberId: result.phoneNumberId, numberRegistered: result.numberRegistered, parkedRouted: result.routed.length, messagesStored: result.ingest.stored });
  },
  { role: "admin" },
);
