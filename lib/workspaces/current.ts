// The workspace the dashboard shows: the one active on the signed-in person's
// session (requireMember redirects to /sign-in when nobody is signed in).
import { requireMember } from "@/lib/auth/page";
import { db } from "@/lib/db/client";
import type { WorkspaceSummary } from "./summary";

export type { WorkspaceSummary } from "./summary";

export async function currentWorkspace(): Promise<WorkspaceSummary> {
  return (await requireMember()).workspace;
}

export async function listWhatsAppNumbers(workspaceId: string) {
  return db().whatsAppNumber.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { phoneNumberId: true, displayPhoneNumber: true },
  });
}
