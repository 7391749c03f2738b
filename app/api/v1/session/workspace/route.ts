// PUT /api/v1/session/workspace {workspaceId}: makes another of the person's
// workspaces active on this session. A workspace they do not belong to: 404.
import { z } from "zod";
import { switchActiveWorkspace } from "@/lib/auth/sessions";
import { readJsonBody } from "@/lib/http/body";
import { recordId } from "@/lib/http/params";
import { withSignedIn } from "@/lib/http/route";

const switchWorkspaceBody = z.object({ workspaceId: z.string() });

export const PUT = withSignedIn(async (request, { person }) => {
  const body = await readJsonBody(request, switchWorkspaceBody, 10_000);
  const workspaceId = recordId(body.workspaceId, "Workspace");
  await switchActiveWorkspace(person, workspaceId);
  return Response.json({ activeWorkspaceId: workspaceId });
});
