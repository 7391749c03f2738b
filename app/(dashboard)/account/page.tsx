// Your settings (every signed-in person): the dashboard's language and the
// time zone you read times in.
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { personalSettings } from "@/lib/account/preferences";
import { requireMember } from "@/lib/auth/page";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { timeZoneNames } from "@/lib/time/zones";
import { PersonalSettingsForm } from "./personal-settings-form";

export default async function AccountPage() {
  const { principal, workspace, email } = await requireMember();
  const settings = await personalSettings(principal.userId);
  const t = await getTranslations("account");
  const browserLocale = localeFromAcceptLanguage((await headers()).get("accept-language"));
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { email })} />
      <PersonalSettingsForm initial={settings} browserLocale={browserLocale} workspaceTimeZone={workspace.timezone} timeZones={timeZoneNames()} />
    </>
  );
}
