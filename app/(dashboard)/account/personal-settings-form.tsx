"use client";
// A person's own time zone: every time in the dashboard is shown in it.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, fieldErrorsOf } from "@/app/_components/api";
import { useHydrated } from "@/app/_components/use-hydrated";
import type { PersonalSettings } from "@/lib/account/preferences";

export function PersonalSettingsForm({ initial, workspaceTimeZone, timeZones }: { initial: PersonalSettings; workspaceTimeZone: string; timeZones: string[] }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [timezone, setTimezone] = useState(initial.timezone ?? "");
  const save = useMutation({
    mutationFn: () => apiFetch<PersonalSettings>("/api/v1/me/settings", { method: "PATCH", body: { timezone: timezone === "" ? null : timezone } }),
    onSuccess: () => router.refresh(),
  });
  const error = fieldErrorsOf(save.error).timezone;
  return (
    <form
      aria-label="Your settings"
      className="grid max-w-xl gap-2 rounded-lg border border-slate-200 bg-white p-6 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <label htmlFor="me-timezone" className="font-medium">Your time zone</label>
      <select id="me-timezone" value={timezone} onChange={(event) => setTimezone(event.target.value)} className="rounded border border-slate-300 px-2 py-1">
        <option value="">The workspace&apos;s ({workspaceTimeZone})</option>
        {timeZones.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
      </select>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
      <div className="mt-2 flex items-center gap-3">
        <button type="submit" disabled={!hydrated || save.isPending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white disabled:opacity-50">Save</button>
        {save.isSuccess ? <span role="status" className="text-emerald-800">Saved.</span> : null}
      </div>
    </form>
  );
}
