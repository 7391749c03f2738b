// What the dashboard shows about one workspace.
import { db } from "@/lib/db/client";

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
