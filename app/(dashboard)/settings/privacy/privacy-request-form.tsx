"use client";
// A person's data request: name them by phone or email, then download their
// data as JSON or erase it (after a confirmation saying what goes).
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
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
  const [kind, setKind] = useState<"phone" | "email">("phone");
  const [value, setValue] = useState("");
  const [confirming, setConfirming] = useState(false);
  const identifier = (): Identifier => (kind === "phone" ? { phone: value } : { email: value });
  const exportData = useMutation({ mutationFn: () => apiFetch<unknown>("/api/v1/privacy/export", { method: "POST", body: identifier() }), onSuccess: download });
  const erase = useMutation({ mutationFn: () => apiFetch<Erased>("/api/v1/privacy/erase", { method: "POST", body: identifier() }), onSuccess: () => setConfirming(false) });
  const busy = !hydrated || exportData.isPending || erase.isPending || value.trim() === "";
  const error = exportData.error ?? erase.error;
  return (
    <form className="flex max-w-2xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm" aria-label="Person's data request" onSubmit={(event) => event.preventDefault()}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          Find the person by
          <select value={kind} onChange={(event) => setKind(event.target.value as "phone" | "email")} className="rounded-md border border-slate-300 px-2 py-1">
            <option value="phone">phone (any form, e.g. +55 11 98765-4321)</option>
            <option value="email">email</option>
          </select>
        </label>
        <label className="flex flex-1 flex-col gap-1">
          {kind === "phone" ? "Phone" : "Email"}
          <input value={value} onChange={(event) => setValue(event.target.value)} type={kind === "phone" ? "tel" : "email"} required className="rounded-md border border-slate-300 px-2 py-1" />
        </label>
      </div>
      <div className="flex gap-3">
        <button type="button" disabled={busy} onClick={() => exportData.mutate()} className={buttonClass("secondary")}>
          Export their data
        </button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Erase everything about ${value || "this person"}?`}
          description="Their conversations and messages, lead proposals, contacts, follow-ups and opt-out are deleted from this workspace, and their contact is deleted from the CRM. This cannot be undone."
          confirmLabel="Erase their data"
          busy={erase.isPending}
          onConfirm={() => erase.mutate()}
          trigger={
            <button type="button" disabled={busy} className={buttonClass("danger")}>
              Erase their data…
            </button>
          }
        />
      </div>
      {erase.data ? (
        <p role="status" className="text-emerald-900" data-testid="erasure-summary">
          Erased {erase.data.erased.conversations} conversations, {erase.data.erased.messages} messages, {erase.data.erased.leadProposals} lead proposals, {erase.data.erased.contacts} contacts
          and {erase.data.erased.followUps} follow-ups{erase.data.crmDeletionsQueued.length > 0 ? `; ${erase.data.crmDeletionsQueued.length} CRM contacts are being deleted` : ""}.
        </p>
      ) : null}
      {error ? <p role="alert" className="text-red-700">{error.message}</p> : null}
    </form>
  );
}
