// A workspace's settings, as admins change them in Settings (managers read
// them): its name, default country, time zone, business hours and days (used
// by follow-ups), conversation idle gap, extraction quiet period, languages,
// notifications, product catalog and intent bands (its CRM account is Settings
// -> CRM: lib/crm/connections.ts). Every change is validated (a 422 names each
// bad field) and audited with before and after.
// Changing the business hours re-plans the workspace's proposed follow-ups.
import { getCountries } from "libphonenumber-js/max";
import { z } from "zod";
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import { db, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { reproposeFollowUpsOfWorkspace } from "@/lib/followups/propose-for-conversation";
import { intentBandsSchema } from "@/lib/scoring/schemas";
import { timeZoneSchema } from "@/lib/time/zones";

const COUNTRIES = new Set<string>(getCountries());
const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** "09:00" <-> minutes after midnight; "24:00" closes at midnight. */
export const clockToMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
export const minutesToClock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
const clock = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be a time of day as HH:MM, e.g. 09:00");

export const businessHoursSchema = z
  .object({
    days: z
      .array(z.number().int().min(1, "days are 1 (Monday) to 7 (Sunday)").max(7, "days are 1 (Monday) to 7 (Sunday)"))
      .min(1, "pick at least one business day")
      .refine((days) => new Set(days).size === days.length, "a day is listed twice"),
    opensAt: clock,
    closesAt: clock,
  })
  .strict()
  .refine((hours) => clockToMinutes(hours.opensAt) < clockToMinutes(hours.closesAt), { message: "must be after the opening time", path: ["closesAt"] });

export const workspaceSettingsSchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(120).optional(),
    defaultCountry: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .refine((value) => COUNTRIES.has(value), "must be a two-letter country code such as BR or US")
      .optional(),
    timezone: timeZoneSchema.optional(),
    businessHours: businessHoursSchema.optional(),
    conversationIdleHours: z.number().int().min(1, "must be at least 1 hour").max(720, "must be at most 720 hours (30 days)").optional(),
    extractionQuietSeconds: z.number().int().min(0).max(86_400, "must be at most 86400 seconds (a day)").optional(),
    languages: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .refine((code) => /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined, "must be a two-letter language code such as pt or es"),
      )
      .max(20)
      .refine((codes) => new Set(codes).size === codes.length, "a language is listed twice")
      .optional(),
    notificationWebhookUrl: z
      .url({ protocol: /^https?$/, error: "must be an http(s) address, e.g. a Slack incoming webhook" })
      .max(2000)
      .nullable()
      .optional(),
    hotLeadWaitMinutes: z.number().int().min(1, "must be at least 1 minute").max(1440, "must be at most 1440 minutes (a day)").optional(),
    products: z.array(z.string().trim().min(1).max(120)).max(200).optional(),
    intentBands: intentBandsSchema.optional(),
  })
  .strict();
export type WorkspaceSettingsChange = z.infer<typeof workspaceSettingsSchema>;

const settingsSelect = {
  name: true,
  defaultCountry: true,
  timezone: true,
  businessDays: true,
  businessOpensAt: true,
  businessClosesAt: true,
  conversationIdleHours: true,
  extractionQuietSeconds: true,
  languages: true,
  notificationWebhookUrl: true,
  hotLeadWaitMinutes: true,
  products: true,
  intentBands: true,
} as const satisfies Prisma.WorkspaceSelect;

type SettingsRow = Prisma.WorkspaceGetPayload<{ select: typeof settingsSelect }>;

export type WorkspaceSettings = ReturnType<typeof toSettings>;

function toSettings(row: SettingsRow) {
  const { businessDays, businessOpensAt, businessClosesAt, ...rest } = row;
  return {
    ...rest,
    businessHours: { days: [...businessDays].sort(), opensAt: minutesToClock(businessOpensAt), closesAt: minutesToClock(businessClosesAt) },
    intentBands: intentBandsSchema.parse(row.intentBands),
  };
}

function toColumns(change: WorkspaceSettingsChange): Prisma.WorkspaceUpdateInput {
  const { businessHours, ...rest } = change;
  return {
    ...rest,
    ...(businessHours && {
      businessDays: [...businessHours.days].sort(),
      businessOpensAt: clockToMinutes(businessHours.opensAt),
      businessClosesAt: clockToMinutes(businessHours.closesAt),
    }),
  };
}

const hoursOf = (row: SettingsRow) => [row.businessDays.join(","), row.businessOpensAt, row.businessClosesAt].join("|");

export async function updateWorkspaceSettings(
  workspaceId: string,
  change: WorkspaceSettingsChange,
  actor: Pick<AuditEntry, "actorType" | "actorId" | "actorLabel">,
): Promise<WorkspaceSettings> {
  const { before, after } = await db().$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id: workspaceId }, select: settingsSelect });
    if (!before) throw notFound("Workspace");
    const after = await tx.workspace.update({ where: { id: workspaceId }, data: toColumns(change), select: settingsSelect });
    await recordAuditEvent(
      { ...actor, workspaceId, action: "workspace.settings_changed", targetType: "workspace", targetId: workspaceId, before: changedFields(before, after), after: changedFields(after, before) },
      tx,
    );
    return { before, after };
  });
  if (hoursOf(before) !== hoursOf(after)) await reproposeFollowUpsOfWorkspace(workspaceId);
  return toSettings(after);
}

/** Only the fields that changed, so the audit log reads as what was done. */
function changedFields(row: SettingsRow, other: SettingsRow): Prisma.InputJsonObject {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(row) as (keyof SettingsRow)[]) {
    if (JSON.stringify(row[key]) !== JSON.stringify(other[key])) changed[key] = row[key];
  }
  return changed as Prisma.InputJsonObject;
}

export async function workspaceSettings(workspaceId: string): Promise<WorkspaceSettings> {
  const row = await db().workspace.findUnique({ where: { id: workspaceId }, select: settingsSelect });
  if (!row) throw notFound("Workspace");
  return toSettings(row);
}

