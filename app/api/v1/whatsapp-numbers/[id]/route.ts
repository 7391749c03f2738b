// DELETE /api/v1/whatsapp-numbers/:id (admins): stops routing that number here;
// its next deliveries are parked until a workspace claims it.
import { auditActor } from "@/lib/auth/principal";
import { recordId } from "@/lib/http/params";
import { withWorkspace } from "@/lib/http/route";
import { removeWhatsAppNumber } from "@/lib/workspaces/whatsapp-numbers";

export const DELETE = withWorkspace<{ id: string }>(
  async (_request, { principal, params }) => {
    await removeWhatsAppNumber(principal.workspaceId, recordId(params.id, "WhatsApp number"), auditActor(principal));
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
