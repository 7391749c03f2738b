// GET /api/ready: readiness for a load balancer or orchestrator. 200 when the
// database answers and every committed migration is applied, else 503; the
// body also reports the background engine and the outbox backlog.
import { withErrors } from "@/lib/http/route";
import { checkReadiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

export const GET = withErrors(async () => {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
});
