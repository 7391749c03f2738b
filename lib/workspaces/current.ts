// The workspace the dashboard shows. Until sign-in exists (issue 3) this is the
// oldest workspace: the demo workspace on a fresh install.
import { db } from "@/lib/db/client";

export type WorkspaceSummary = { id: string; name: string; defaultCountry: string; timezone: string; products: string[]; crmProvider: string | null };

export async function currentWorkspace(): Promise<WorkspaceSummary | null> {
  return db().workspace.findFirst({
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, defaultCountry: true, timezone: true, products: true, crmProvider: true },
  });
}

export async function listWhatsAppNumbers(workspaceId: string) {
  return db().whatsAppNumber.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "asc" },
    select: { phoneNumberId: true, displayPhoneNumber: true },
  });
}
