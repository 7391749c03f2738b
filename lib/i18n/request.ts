// next-intl's per-request configuration (wired in next.config.mjs): the
// locale is the signed-in person's choice (User.locale), else the browser's
// Accept-Language; it is never in the URL. Server components read it with
// getTranslations/getLocale, client components through the provider in
// app/layout.tsx.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { personalSettings } from "@/lib/account/preferences";
import { currentMember } from "@/lib/auth/page";
import { localeFromAcceptLanguage, type Locale } from "./locales";
import { messagesFor } from "./messages";

async function requestLocale(): Promise<Locale> {
  const member = await currentMember();
  const chosen = member ? (await personalSettings(member.principal.userId)).locale : null;
  return chosen ?? localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: await messagesFor(locale) };
});
