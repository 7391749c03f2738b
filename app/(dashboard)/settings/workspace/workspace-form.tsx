"use client";
// The workspace settings form: every field validated by the API, whose 422
// names the field; its message is shown beside it. Read-only for managers.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { apiFetch, fieldErrorsOf } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { WorkspaceSettings } from "@/lib/workspaces/settings";

/** ISO weekdays (1 = Monday) and their catalog keys. */
const WEEKDAYS = [
  [1, "mon"],
  [2, "tue"],
  [3, "wed"],
  [4, "thu"],
  [5, "fri"],
  [6, "sat"],
  [7, "sun"],
] as const;

const input = "rounded border border-slate-300 px-2 py-1 disabled:bg-slate-50";

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="font-medium">{label}</label>
      {children}
      {hint ? <span className="text-xs text-slate-600">{hint}</span> : null}
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </div>
  );
}

const numberOrText = (value: string) => (value.trim() === "" || Number.isNaN(Number(value)) ? value : Number(value));

export function WorkspaceForm({ initial, canEdit, timeZones }: { initial: WorkspaceSettings; canEdit: boolean; timeZones: string[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const t = useTranslations("workspaceSettings");
  const problemText = useProblemText();
  const [name, setName] = useState(initial.name);
  const [country, setCountry] = useState(initial.defaultCountry);
  const [timezone, setTimezone] = useState(initial.timezone);
  const [days, setDays] = useState<number[]>(initial.businessHours.days);
  const [opensAt, setOpensAt] = useState(initial.businessHours.opensAt);
  const [closesAt, setClosesAt] = useState(initial.businessHours.closesAt);
  const [idleHours, setIdleHours] = useState(String(initial.conversationIdleHours));
  const [quietSeconds, setQuietSeconds] = useState(String(initial.extractionQuietSeconds));
  const [languages, setLanguages] = useState(initial.languages.join(", "));
  const [webhookUrl, setWebhookUrl] = useState(initial.notificationWebhookUrl ?? "");
  const [hotLeadMinutes, setHotLeadMinutes] = useState(String(initial.hotLeadWaitMinutes));
  const save = useMutation({
    mutationFn: () =>
      apiFetch<WorkspaceSettings>("/api/v1/workspace/settings", {
        method: "PATCH",
        body: {
          name,
          defaultCountry: country,
          timezone,
          businessHours: { days, opensAt, closesAt },
          conversationIdleHours: numberOrText(idleHours),
          extractionQuietSeconds: numberOrText(quietSeconds),
          languages: languages.split(/[\s,]+/).filter(Boolean),
          notificationWebhookUrl: webhookUrl.trim() === "" ? null : webhookUrl.trim(),
          hotLeadWaitMinutes: numberOrText(hotLeadMinutes),
        },
      }),
    onSuccess: () => router.refresh(),
  });
  const errors = fieldErrorsOf(save.error);
  const toggleDay = (day: number) => setDays((current) => (current.includes(day) ? current.filter((d) => d !== day) : [...current, day].sort()));
  return (
    <form
      aria-label={t("form")}
      className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <fieldset disabled={!hydrated || !canEdit || save.isPending} className="grid gap-4">
        <Field id="ws-name" label={t("name")} error={errors.name}>
          <input id="ws-name" value={name} onChange={(event) => setName(event.target.value)} className={input} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="ws-country" label={t("country")} hint={t("countryHint")} error={errors.defaultCountry}>
            <input id="ws-country" value={country} maxLength={2} onChange={(event) => setCountry(event.target.value)} className={`${input} uppercase`} />
          </Field>
          <Field id="ws-timezone" label={t("timezone")} hint={t("timezoneHint")} error={errors.timezone}>
            <input id="ws-timezone" list="ws-timezones" value={timezone} onChange={(event) => setTimezone(event.target.value)} className={input} />
            <datalist id="ws-timezones">
              {timeZones.map((zone) => <option key={zone} value={zone} />)}
            </datalist>
          </Field>
        </div>
        <fieldset className="grid gap-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 font-medium">{t("hours")}</legend>
          <p className="text-xs text-slate-600">{t("hoursHint")}</p>
          <div className="flex flex-wrap gap-3" role="group" aria-label={t("days")}>
            {WEEKDAYS.map(([day, label]) => (
              <label key={day} className="flex items-center gap-1">
                <input type="checkbox" checked={days.includes(day)} onChange={() => toggleDay(day)} />
                {t(`weekdays.${label}`)}
              </label>
            ))}
          </div>
          {errors["businessHours.days"] ? <span role="alert" className="text-xs text-red-700">{errors["businessHours.days"]}</span> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="ws-opens" label={t("opensAt")} error={errors["businessHours.opensAt"]}>
              <input id="ws-opens" type="time" value={opensAt} onChange={(event) => setOpensAt(event.target.value)} className={input} />
            </Field>
            <Field id="ws-closes" label={t("closesAt")} error={errors["businessHours.closesAt"]}>
              <input id="ws-closes" type="time" value={closesAt} onChange={(event) => setClosesAt(event.target.value)} className={input} />
            </Field>
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="ws-idle" label={t("idle")} hint={t("idleHint")} error={errors.conversationIdleHours}>
            <input id="ws-idle" type="number" min={1} max={720} value={idleHours} onChange={(event) => setIdleHours(event.target.value)} className={input} />
          </Field>
          <Field id="ws-quiet" label={t("quiet")} hint={t("quietHint")} error={errors.extractionQuietSeconds}>
            <input id="ws-quiet" type="number" min={0} max={86400} value={quietSeconds} onChange={(event) => setQuietSeconds(event.target.value)} className={input} />
          </Field>
        </div>
        <Field id="ws-languages" label={t("languages")} hint={t("languagesHint")} error={errors.languages ?? Object.entries(errors).find(([path]) => path.startsWith("languages."))?.[1]}>
          <input id="ws-languages" value={languages} onChange={(event) => setLanguages(event.target.value)} className={input} />
        </Field>
        <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          <legend className="px-1 font-medium">{t("notifications")}</legend>
          <Field id="ws-hot-lead" label={t("hotLead")} hint={t("hotLeadHint")} error={errors.hotLeadWaitMinutes}>
            <input id="ws-hot-lead" type="number" min={1} max={1440} value={hotLeadMinutes} onChange={(event) => setHotLeadMinutes(event.target.value)} className={input} />
          </Field>
          <Field id="ws-webhook" label={t("webhook")} hint={t("webhookHint")} error={errors.notificationWebhookUrl}>
            <input id="ws-webhook" type="url" value={webhookUrl} onChange={(event) => setWebhookUrl(event.target.value)} className={input} placeholder="https://hooks.slack.com/services/…" />
          </Field>
        </fieldset>
        {canEdit ? (
          <div className="flex items-center gap-3">
            <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">{t("save")}</button>
            {save.isError && Object.keys(errors).length === 0 ? <p role="alert" className="text-red-800">{problemText(save.error)}</p> : null}
            {Object.keys(errors).length > 0 ? <p className="text-red-800">{t("checkFields")}</p> : null}
            {save.isSuccess ? <p role="status" className="text-emerald-800">{t("saved")}</p> : null}
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
