// What the dashboard shows about one workspace.
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export type WorkspaceSummary = { id: string; name: string; defaultCountry: string; timezone: string; products: string[]; isDemo: boolean };

export async function workspaceSummary(workspaceId: string): Promise<WorkspaceSummary | null> {
  return db().workspace.findUnique({
    where: { id: workspaceId },
    select: { id: true, name: true, defaultCountry: true, timezone: true, products: true, isDemo: true },
  });
}

/** True when the demo workspace exists (the sign-in page then shows the demo login). */
export async function demoWorkspaceExists(): Promise<boolean> {
  return (await db().workspace.count({ where: { isDemo: true } })) > 0;
}

/** The principal's own workspace (it exists: the principal was just resolved in it). */
export async function currentWorkspaceOf(workspaceId: string): Promise<{ id: string; name: string; defaultCountry: string }> {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { id: true, name: true, defaultCountry: true } });
  if (!workspace) throw notFound("Workspace");
  return workspace;
}
