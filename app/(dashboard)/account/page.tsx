// Your settings (every signed-in person): the time zone you read times in, and
// a password change (every other browser signed in to the account is signed out).
import { PageHeader } from "@/app/_components/page-header";
import { personalSettings } from "@/lib/account/preferences";
import { requireMember } from "@/lib/auth/page";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { timeZoneNames } from "@/lib/time/zones";
import { PasswordChangeForm } from "./password-change-form";
import { PersonalSettingsForm } from "./personal-settings-form";

export default async function AccountPage() {
  const { principal, workspace, email } = await requireMember();
  const settings = await personalSettings(principal.userId);
  return (
    <>
      <PageHeader title="Your settings" description={`Signed in as ${email}. These apply in every workspace you belong to.`} />
      <PersonalSettingsForm initial={settings} workspaceTimeZone={workspace.timezone} timeZones={timeZoneNames()} />
      <div className="mt-8">
        <PasswordChangeForm minLength={MIN_PASSWORD_LENGTH} />
      </div>
    </>
  );
}
