// GET /api/v1/api-keys: the active workspace's keys (prefix, name, last use).
// POST /api/v1/api-keys {name}: a new key, shown once in this answer. Admins only.
import { z } from "zod";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { auditActor } from "@/lib/auth/principal";
import { readJsonBody } from "@/lib/http/body";
import { withWorkspace } from "@/lib/http/route";

const newApiKeyBody = z.object({ name: z.string().trim().min(1).max(100) });

export const GET = withWorkspace(async (_request, { principal }) => Response.json({ apiKeys: await listApiKeys(principal.workspaceId) }), { role: "admin" });

export const POST = withWorkspace(
  async (request, { principal }) => {
    const body = await readJsonBody(request, newApiKeyBody, 10_000);
    const created = await createApiKey({ workspaceId: principal.workspaceId, name: body.name, actor: auditActor(principal) });
    return Response.json({ id: created.id, name: body.name, prefix: created.prefix, key: created.key }, { status: 201 });
  },
  { role: "admin" },
);
