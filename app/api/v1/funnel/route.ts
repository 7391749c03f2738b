// GET /api/v1/funnel?from=YYYY-MM-DD&to=YYYY-MM-DD[&groupBy=G][&format=csv]:
// the managers' funnel for the conversations whose first message falls in the
// period (whole days in the workspace's time zone), optionally broken down by
// product, urgency, language, source, owner or reviewer. For managers, admins
// and API keys. JSON by default, the same figures as CSV with format=csv; 422
// names each bad parameter.
import { funnelCsv } from "@/lib/funnel/csv";
import { funnelReport, parseFunnelQuery } from "@/lib/funnel/queries";
import { withWorkspace } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = withWorkspace(
  async (request, { principal }) => {
    const query = parseFunnelQuery(Object.fromEntries(new URL(request.url).searchParams));
    const report = await funnelReport(principal.workspaceId, query);
    if (query.format === "csv") {
      const name = `funnel-${query.from}-to-${query.to}${query.groupBy ? `-by-${query.groupBy}` : ""}.csv`;
      return new Response(funnelCsv(report), {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
      });
    }
    return Response.json(report, { headers: { "cache-control": "no-store" } });
  },
  { role: "manager", callers: "any" },
);
