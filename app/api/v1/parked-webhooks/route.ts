// GET /api/v1/parked-webhooks (admins): numbers no workspace owns whose
// deliveries are parked (id, display number, count, dates; never the messages).
import { withWorkspace } from "@/lib/http/route";
import { listParkedNumbers } from "@/lib/workspaces/whatsapp-numbers";

export const GET = withWorkspace(async () => Response.json({ numbers: await listParkedNumbers() }), { role: "admin" });
