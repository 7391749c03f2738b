// POST /api/v1/conversations/import: a chatbot platform pushes whole
// conversations (one, or an array of up to 500) in the export format.
import { dispatchAfterResponse } from "@/inngest/kick";
import { parseJson, readRawBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";
import { importConversations } from "@/lib/ingest/import";
import { parseImportRequest } from "@/lib/ingest/import-format";
import { AppError } from "@/lib/errors";

const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

export const POST = withWorkspace(async (request, { principal }) => {
  if (!(request.headers.get("content-type") ?? "").includes("json")) throw new AppError("unsupported_media_type", "Send the body as application/json.");
  const conversations = parseImportRequest(parseJson(await readRawBody(request, IMPORT_BODY_LIMIT)));
  const results = await importConversations(principal.workspaceId, conversations);
  dispatchAfterResponse();
  return Response.json({ conversations: results });
});
