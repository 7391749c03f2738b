// A workspace's settings that admins change in Settings: which CRM its leads
// sync to (or the server's CRM_PROVIDER), its product catalog, its time zone,
// and the intent bands that label behavioral scores. Audited.
import { z } from "zod";
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
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
    crmProvider: z.enum(["internal", "hubspot"]).nullable().optional(),
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
  if (settings.crmProvider === "hubspot" && !env().HUBSPOT_ACCESS_TOKEN) {
    throw new AppError("validation_failed", "HubSpot is not configured on this server: set HUBSPOT_ACCESS_TOKEN first.");
  }
  return db().$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { crmProvider: true, products: true, timezone: true, intentBands: true } });
    if (!before) throw notFound("Workspace");
    const after = await tx.workspace.update({
      where: { id: workspaceId },
      data: settings,
      select: { crmProvider: true, products: true, timezone: true, intentBands: true },
    });
    await recordAuditEvent({ ...actor, workspaceId, action: "workspace.settings_changed", targetType: "workspace", targetId: workspaceId, before, after }, tx);
    return after;
  });
}

export async function workspaceSettings(workspaceId: string) {
  const row = await db().workspace.findUnique({ where: { id: workspaceId }, select: { crmProvider: true, products: true, timezone: true, intentBands: true } });
  if (!row) throw notFound("Workspace");
  return { ...row, crmProvider: row.crmProvider as "internal" | "hubspot" | null, intentBands: intentBandsSchema.parse(row.intentBands) };
}
