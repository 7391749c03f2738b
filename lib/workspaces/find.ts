// Finding a workspace the way operators name it on the command line: its id or its slug.
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/http/params";

/** The workspace's id, or null when no workspace has that id or slug. */
export async function findWorkspaceId(idOrSlug: string): Promise<string | null> {
  const workspace = await db().workspace.findFirst({ where: isUuid(idOrSlug) ? { id: idOrSlug } : { slug: idOrSlug }, select: { id: true } });
  return workspace?.id ?? null;
}
