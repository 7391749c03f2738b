// GET, PATCH /api/v1/me/settings (the signed-in person): their own settings,
// e.g. `{timezone: "Europe/Lisbon", locale: "pt-BR"}` (null: each workspace's
// zone; the browser's language). PATCH changes only the settings it names.
import { personalSettings, personalSettingsChangeSchema, updatePersonalSettings } from "@/lib/account/preferences";
import { readJsonBody } from "@/lib/http/body";
import { withSignedIn } from "@/lib/http/route";

export const GET = withSignedIn(async (_request, { person }) => Response.json(await personalSettings(person.userId)));

export const PATCH = withSignedIn(async (request, { person }) => {
  const change = await readJsonBody(request, personalSettingsChangeSchema, 10_000);
  return Response.json(await updatePersonalSettings(person.userId, change));
});
