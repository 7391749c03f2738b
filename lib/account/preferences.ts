// A person's own settings, the same in every workspace they belong to: the
// time zone they read times in (null: each workspace's own zone) and the
// dashboard's language (null: the browser's).
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { localeSchema } from "@/lib/i18n/locales";
import { timeZoneSchema } from "@/lib/time/zones";

export const personalSettingsSchema = z.object({ timezone: timeZoneSchema.nullable(), locale: localeSchema.nullable() }).strict();
export type PersonalSettings = z.infer<typeof personalSettingsSchema>;
/** A change: only the settings given (an absent one stays as it is). */
export const personalSettingsChangeSchema = personalSettingsSchema.partial();
export type PersonalSettingsChange = z.infer<typeof personalSettingsChangeSchema>;

const selected = { timezone: true, locale: true } as const;

function settingsOf(user: { timezone: string | null; locale: string | null }): PersonalSettings {
  const locale = localeSchema.safeParse(user.locale);
  return { timezone: user.timezone, locale: locale.success ? locale.data : null };
}

export async function personalSettings(userId: string): Promise<PersonalSettings> {
  const user = await db().user.findUnique({ where: { id: userId }, select: selected });
  if (!user) throw notFound("Person");
  return settingsOf(user);
}

export async function updatePersonalSettings(userId: string, change: PersonalSettingsChange): Promise<PersonalSettings> {
  return settingsOf(await db().user.update({ where: { id: userId }, data: { timezone: change.timezone, locale: change.locale }, select: selected }));
}

/** The zone a person reads times in, in a workspace: their own, else the workspace's. */
export async function viewerTimeZone(userId: string, workspaceTimezone: string): Promise<string> {
  return (await personalSettings(userId)).timezone ?? workspaceTimezone;
}
