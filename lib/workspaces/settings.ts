// A workspace's settings that admins change in Settings: its product catalog,
// its time zone, and the intent bands that label behavioral scores. Audited.
// (Its CRM account is Settings -> CRM: lib/crm/connections.ts.)
import { z } from "zod";
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { intentBandsSchema } from "@/lib/scoring/schemas";

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const workspaceSettingsSchema = z
  .object({
    products: z.array(z.string().trim().min(1).max(120)).max(200).optional(),
    timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as America/Sao_Paulo").optional(),
    intentBands: intentBandsSchema.optional(),
  })
  .strict();
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

export async function updateWorkspaceSettings(
  workspaceId: string,
  settings: WorkspaceSettings,
  actor: Pick<AuditEntry, "actorType" | "actorId" | "actorLabel">,
) {
  return db().$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { products: true, timezone: true, intentBands: true } });
    if (!before) throw notFound("Workspace");
    const after = await tx.workspace.update({
      where: { id: workspaceId },
      data: settings,
      select: { products: true, timezone: true, intentBands: true },
    });
    await recordAuditEvent({ ...actor, workspaceId, action: "workspace.settings_changed", targetType: "workspace", targetId: workspaceId, before, after }, tx);
    return after;
  });
}

export async function workspaceSettings(workspaceId: string) {
  const row = await db().workspace.findUnique({ where: { id: workspaceId }, select: { products: true, timezone: true, intentBands: true } });
  if (!row) throw notFound("Workspace");
  return { ...row, intentBands: intentBandsSchema.parse(row.intentBands) };
}
