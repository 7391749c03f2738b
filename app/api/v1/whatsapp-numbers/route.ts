// GET /api/v1/whatsapp-numbers (managers and admins): the numbers routed to the workspace.
// POST (admins) {phoneNumberId, displayPhoneNumber?}: routes a number here and
// ingests what was parked for it; 409 when another workspace owns it.
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { addWhatsAppNumber, listWhatsAppNumbers, newWhatsAppNumberSchema } from "@/lib/workspaces/whatsapp-numbers";

export const GET = withWorkspace(async (_request, { principal }) => Response.json({ numbers: await listWhatsAppNumbers(principal.workspaceId) }), { role: "manager" });

export const POST = withWorkspace(
  async (request, { principal }) => {
    const input = await readJsonBody(request, newWhatsAppNumberSchema, 10_000);
    const { number, routed } = await addWhatsAppNumber(principal.workspaceId, input, auditActor(principal));
    return Response.json({ number, parkedRouted: routed?.routed.length ?? 0, messagesStored: routed?.ingest.stored ?? 0 }, { status: 201 });
  },
  { role: "admin" },
);
