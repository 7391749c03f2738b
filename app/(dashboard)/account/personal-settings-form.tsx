"use client";
// A person's own settings: the dashboard's language (else the browser's) and
// time zone (else the workspace's). Saving reloads the page in the new ones.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, fieldErrorsOf } from "@/app/_components/api";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { PersonalSettings } from "@/lib/account/preferences";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

type Props = { initial: PersonalSettings; browserLocale: Locale; workspaceTimeZone: string; timeZones: string[] };

export function PersonalSettingsForm({ initial, browserLocale, workspaceTimeZone, timeZones }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("account");
  const [timezone, setTimezone] = useState(initial.timezone ?? "");
  const [locale, setLocale] = useState<Locale | "">(initial.locale ?? "");
  const save = useMutation({
    mutationFn: () => apiFetch<PersonalSettings>("/api/v1/me/settings", { method: "PATCH", body: { timezone: timezone === "" ? null : timezone, locale: locale === "" ? null : locale } }),
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <form
      aria-label={t("form")}
      className="grid max-w-xl gap-2 rounded-lg border border-slate-200 bg-white p-6 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <label htmlFor="me-locale" className="font-medium">{t("language")}</label>
      <select id="me-locale" value={locale} onChange={(event) => setLocale(event.target.value as Locale | "")} className="rounded border border-slate-300 px-2 py-1">
        <option value="">{t("browserLanguage", { language: LOCALE_NAMES[browserLocale] })}</option>
        {LOCALES.map((option) => <option key={option} value={option} lang={option}>{LOCALE_NAMES[option]}</option>)}
      </select>
      {errors.locale ? <span role="alert" className="text-xs text-red-700">{errors.locale}</span> : null}
      <label htmlFor="me-timezone" className="mt-2 font-medium">{t("timeZone")}</label>
      <select id="me-timezone" value={timezone} onChange={(event) => setTimezone(event.target.value)} className="rounded border border-slate-300 px-2 py-1">
        <option value="">{t("workspaceZone", { zone: workspaceTimeZone })}</option>
        {timeZones.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
      </select>
      {errors.timezone ? <span role="alert" className="text-xs text-red-700">{errors.timezone}</span> : null}
      <div className="mt-2 flex items-center gap-3">
        <button type="submit" disabled={!hydrated || save.isPending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">{t("save")}</button>
        {save.isSuccess ? <span role="status" className="text-emerald-800">{t("saved")}</span> : null}
      </div>
    </form>
  );
}
