// Read access to the internal CRM's contacts, scoped to one workspace.
import { db } from "@/lib/db/client";

export async function listContacts(workspaceId: string, limit = 100) {
  return db().contact.findMany({
    where: { workspaceId },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, name: true, email: true, phoneE164: true, company: true, productInterest: true, leadScore: true, updatedAt: true, owner: { select: { email: true, name: true } } },
  });
}
