// POST /api/v1/conversations/{id}/scores: a behavioral platform pushes a
// conversation's scores (idempotent per version); GET previews the labels the
// CRM will get.
import { dispatchAfterResponse } from "@/inngest/kick";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { previewScore, pushScore } from "@/lib/scoring/score-api";
import { behavioralScorePayloadSchema } from "@/lib/scoring/schemas";

export const POST = withWorkspace<{ id: string }>(async (request, { principal, params }) => {
  const payload = await readJsonBody(request, behavioralScorePayloadSchema, 10_000);
  const { created, score } = await pushScore(principal.workspaceId, params.id, payload);
  // A linked lead gets its new labels through the outbox; sending now is best effort.
  if (created) dispatchAfterResponse();
  return Response.json({ created, score }, { status: created ? 201 : 200 });
});

export const GET = withWorkspace<{ id: string }>(async (_request, { principal, params }) => {
  return Response.json({ score: await previewScore(principal.workspaceId, params.id) });
});
