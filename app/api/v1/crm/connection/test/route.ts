// POST /api/v1/crm/connection/test: "Test connection". With {provider, accessToken}
// it tests a token without storing it; with {} the stored connection. Answers
// {ok: true, account} (portal id, name, time zone, API limits) or {ok: false,
// error} in the CRM's words. Admins only.
import { z } from "zod";
import { testCrmConnection } from "@/lib/crm/connections";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";

// Either a token to try ({provider, accessToken}) or nothing (the stored connection).
const testBody = z
  .object({ provider: z.literal("hubspot"), accessToken: z.string().trim().min(8, "paste the private app's access token").max(1000) })
  .strict()
  .partial()
  .refine((body) => (body.provider === undefined) === (body.accessToken === undefined), { path: ["accessToken"], message: "send provider and accessToken together, or neither" });

export const POST = withWorkspace(
  async (request, { principal }) => {
    const body = await readJsonBody(request, testBody, 10_000);
    const candidate = body.provider && body.accessToken ? { provider: body.provider, accessToken: body.accessToken } : undefined;
    return Response.json(await testCrmConnection(principal.workspaceId, candidate));
  },
  { role: "admin" },
);
