// The workspace the dashboard shows: the one active on the signed-in person's
// session (requireMember redirects to /sign-in when nobody is signed in).
import { requireMember } from "@/lib/auth/page";
import type { WorkspaceSummary } from "./summary";

export type { WorkspaceSummary } from "./summary";

export async function currentWorkspace(): Promise<WorkspaceSummary> {
  return (await requireMember()).workspace;
}
