// GET /api/metrics: Prometheus text exposition, for a scraper holding
// `Authorization: Bearer <METRICS_TOKEN>`. 503 while METRICS_TOKEN is unset,
// 401 for a missing or wrong token.
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withErrors } from "@/lib/http/route";
import { renderMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const GET = withErrors(async (request) => {
  const { METRICS_TOKEN: token, WORKER_METRICS_URL: workerMetricsUrl } = env();
  if (!token) throw new AppError("unavailable", "Metrics are off: set METRICS_TOKEN.");
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameToken(given, token)) throw new AppError("unauthorized", "Send `Authorization: Bearer <METRICS_TOKEN>`.");
  const { contentType, body } = await renderMetrics({ workerMetricsUrl });
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
