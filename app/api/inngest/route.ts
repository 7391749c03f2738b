// Serves the Inngest functions to Inngest Cloud, a self-hosted server, or the
// dev server. Inngest's SDK checks each request's signature (401 unsigned); the
// wrapper keeps hostile requests from reaching it as 500s: without an Inngest
// configuration the endpoint does not exist here (404), a POST body must be
// JSON of bounded size (400, 413), and anything the SDK throws is problem+json.
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";
import { inngestConfigured } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseJson, readRawBody } from "@/lib/http/body";
import { withErrors } from "@/lib/http/route";

const handlers = serve({ client: inngest, functions });

// Inngest sends step state with each call; its own limit per request is a few MB.
const BODY_LIMIT_BYTES = 16 * 1024 * 1024;

type Handler = (request: Request, context: unknown) => Promise<Response>;

function guarded(handler: Handler) {
  return withErrors(async (request, context) => {
    if (!inngestConfigured()) throw new AppError("not_found", "Inngest is not configured on this server: background work runs through jobs:drain.");
    if (request.method !== "POST") return handler(request, context);
    const raw = await readRawBody(request, BODY_LIMIT_BYTES);
    parseJson(raw);
    return handler(new Request(request.url, { method: "POST", headers: request.headers, body: new Uint8Array(raw) }), context);
  });
}

export const GET = guarded(handlers.GET as Handler);
export const POST = guarded(handlers.POST as Handler);
export const PUT = guarded(handlers.PUT as Handler);
