// A person's own settings, the same in every workspace they belong to: the
// time zone they read times in (null: each workspace's own zone).
import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { timeZoneSchema } from "@/lib/time/zones";

export const personalSettingsSchema = z.object({ timezone: timeZoneSchema.nullable() }).strict();
export type PersonalSettings = z.infer<typeof personalSettingsSchema>;

export async function personalSettings(userId: string): Promise<PersonalSettings> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { timezone: true } });
  if (!user) throw notFound("Person");
  return user;
}

export async function updatePersonalSettings(userId: string, change: PersonalSettings): Promise<PersonalSettings> {
  return db().user.update({ where: { id: userId }, data: { timezone: change.timezone }, select: { timezone: true } });
}

/** The zone a person reads times in, in a workspace: their own, else the workspace's. */
export async function viewerTimeZone(userId: string, workspaceTimezone: string): Promise<string> {
  return (await personalSettings(userId)).timezone ?? workspaceTimezone;
}
