// GET /api/health: liveness. The process serves requests; nothing else is
// checked (a stopped database is /api/ready's concern, not a reason to restart).
import { withErrors } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }));
