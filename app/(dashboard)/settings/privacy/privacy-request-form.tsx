"use client";
// A person's data request: name them by phone or email, then download their
// data as JSON or erase it (after a confirmation saying what goes).
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { useHydrated } from "@/app/_components/use-hydrated";

type Identifier = { phone: string } | { email: string };
type Erased = { erased: Record<string, number>; crmDeletionsQueued: string[] };

function download(data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "leadbridge-person-export.json";
  link.click();
  URL.revokeObjectURL(url);
}

export function PrivacyRequestForm() {
  const hydrated = useHydrated();
  const t = useTranslations("privacySettings");
  const problemText = useProblemText();
  const [kind, setKind] = useState<"phone" | "email">("phone");
  const [value, setValue] = useState("");
  const [confirming, setConfirming] = useState(false);
  const identifier = (): Identifier => (kind === "phone" ? { phone: value } : { email: value });
  const exportData = useMutation({ mutationFn: () => apiFetch<unknown>("/api/v1/privacy/export", { method: "POST", body: identifier() }), onSuccess: download });
  const erase = useMutation({ mutationFn: () => apiFetch<Erased>("/api/v1/privacy/erase", { method: "POST", body: identifier() }), onSuccess: () => setConfirming(false) });
  const busy = !hydrated || exportData.isPending || erase.isPending || value.trim() === "";
  const error = exportData.error ?? erase.error;
  return (
    <form className="flex max-w-2xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm" aria-label={t("form")} onSubmit={(event) => event.preventDefault()}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          {t("findBy")}
          <select value={kind} onChange={(event) => setKind(event.target.value as "phone" | "email")} className="rounded-md border border-slate-300 px-2 py-1">
            <option value="phone">{t("byPhone")}</option>
            <option value="email">{t("byEmail")}</option>
          </select>
        </label>
        <label className="flex flex-1 flex-col gap-1">
          {kind === "phone" ? t("phone") : t("email")}
          <input value={value} onChange={(event) => setValue(event.target.value)} type={kind === "phone" ? "tel" : "email"} required className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
      </div>
      <div className="flex gap-3">
        <button type="button" disabled={busy} onClick={() => exportData.mutate()} className={buttonClass("secondary")}>
          {t("export")}
        </button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={value ? t("eraseTitle", { person: value }) : t("eraseTitleNobody")}
          description={t("eraseDescription")}
          confirmLabel={t("eraseConfirm")}
          busy={erase.isPending}
          onConfirm={() => erase.mutate()}
          trigger={
            <button type="button" disabled={busy} className={buttonClass("danger")}>
              {t("erase")}
            </button>
          }
        />
      </div>
      {erase.data ? (
        <p role="status" className="text-emerald-900" data-testid="erasure-summary">
          {t("erased", {
            conversations: erase.data.erased.conversations ?? 0,
            messages: erase.data.erased.messages ?? 0,
            leadProposals: erase.data.erased.leadProposals ?? 0,
            contacts: erase.data.erased.contacts ?? 0,
            followUps: erase.data.erased.followUps ?? 0,
          })}
          {erase.data.crmDeletionsQueued.length > 0 ? ` ${t("crmDeletions", { count: erase.data.crmDeletionsQueued.length })}` : ""}
        </p>
      ) : null}
      {error ? <p role="alert" className="text-red-700">{problemText(error)}</p> : null}
    </form>
  );
}
