"use client";
// The funnel's period: a preset (counted back from today in the workspace's
// time zone) or custom days, applied with a button so half-typed dates never
// load a report.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PERIOD_PRESETS, presetOf, presetPeriod, type FunnelPeriod, type PeriodPreset } from "@/lib/funnel/period";

const control = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";

export function PeriodPicker({ period, today, onChange }: { period: FunnelPeriod; today: string; onChange: (period: FunnelPeriod) => void }) {
  const preset = presetOf(period, today);
  const t = useTranslations("funnel");
  const [custom, setCustom] = useState(preset === null);
  const [draft, setDraft] = useState(period);
  const draftValid = Boolean(draft.from && draft.to && draft.from <= draft.to);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-700">{t("period")}</span>
        <select
          className={control}
          value={custom ? "custom" : (preset ?? "custom")}
          onChange={(event) => {
            if (event.target.value === "custom") {
              setDraft(period);
              setCustom(true);
              return;
            }
            setCustom(false);
            onChange(presetPeriod(event.target.value as PeriodPreset, today));
          }}
        >
          {PERIOD_PRESETS.map((key) => (
            <option key={key} value={key}>{t(`presets.${key}`)}</option>
          ))}
          <option value="custom">{t("custom")}</option>
        </select>
      </label>
      {custom && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (draftValid) onChange(draft);
          }}
        >
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-700">{t("from")}</span>
            <input type="date" className={control} value={draft.from} max={draft.to || undefined} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-xs font-medium text-slate-700">{t("to")}</span>
            <input type="date" className={control} value={draft.to} min={draft.from || undefined} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
          </label>
          <button type="submit" disabled={!draftValid} className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
            {t("apply")}
          </button>
        </form>
      )}
    </div>
  );
}
