"use client";
// Cancelling a follow-up asks why: a common reason or the person's own words,
// shown on the page afterwards. Nothing is cancelled without one.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { useProblemText } from "@/app/_components/problem-text";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";

// The common reasons (catalog keys under "followUps.cancel.reasons"); the words chosen are stored as the reason.
const REASONS = ["contacted", "notInterested", "doNotContact", "duplicate"] as const;

export function CancelFollowUpButton({ followUpId, contactName, onCancelled }: { followUpId: string; contactName: string; onCancelled: () => void }) {
  const t = useTranslations("followUps.cancel");
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState("");
  const [note, setNote] = useState("");
  const reason = choice === "other" ? note.trim() : (REASONS as readonly string[]).includes(choice) ? t(`reasons.${choice}`) : "";
  const cancel = useMutation({
    mutationFn: () => apiFetch(`/api/v1/follow-ups/${followUpId}/cancel`, { method: "POST", body: { reason } }),
    onSuccess: () => {
      setOpen(false);
      onCancelled();
    },
  });
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={<button type="button" className={buttonClass("secondary", "px-2 py-1 text-xs")}>{t("trigger")}</button>}
      title={t("title", { name: contactName })}
      description={t("description")}
      confirmLabel={t("confirm")}
      cancelLabel={t("keep")}
      busy={cancel.isPending}
      confirmDisabled={!reason}
      onConfirm={() => cancel.mutate()}
      testId="cancel-follow-up"
    >
      <fieldset className="grid gap-1 text-sm">
        <legend className="mb-1 font-medium">{t("why")}</legend>
        {[...REASONS, "other"].map((option) => (
          <label key={option} className="flex items-center gap-2">
            <input type="radio" name={`cancel-reason-${followUpId}`} value={option} checked={choice === option} onChange={() => setChoice(option)} />
            {option === "other" ? t("other") : t(`reasons.${option}`)}
          </label>
        ))}
      </fieldset>
      {choice === "other" ? (
        <label className="mt-2 grid gap-1 text-sm">
          {t("reason")}
          <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} className="rounded border border-slate-300 px-2 py-1" />
        </label>
      ) : null}
      {cancel.error ? <p role="alert" className="mt-2 text-sm text-red-700">{problemText(cancel.error)}</p> : null}
    </ConfirmDialog>
  );
}
