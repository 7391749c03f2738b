// Your settings (every signed-in person): the time zone you read times in.
import { PageHeader } from "@/app/_components/page-header";
import { personalSettings } from "@/lib/account/preferences";
import { requireMember } from "@/lib/auth/page";
import { timeZoneNames } from "@/lib/time/zones";
import { PersonalSettingsForm } from "./personal-settings-form";

export default async function AccountPage() {
  const { principal, workspace, email } = await requireMember();
  const settings = await personalSettings(principal.userId);
  return (
    <>
      <PageHeader title="Your settings" description={`Signed in as ${email}. These apply in every workspace you belong to.`} />
      <PersonalSettingsForm initial={settings} workspaceTimeZone={workspace.timezone} timeZones={timeZoneNames()} />
    </>
  );
}
