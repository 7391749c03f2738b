"use client";
// Rejecting one lead or many needs a reason (and words when the reason is "other").
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/app/_components/ui/button";
import { Dialog, DialogClose } from "@/app/_components/ui/dialog";
import { REJECT_REASON_CHOICES, rejectReasonWords } from "@/app/_components/lead-words";
import type { RejectReason } from "@/lib/leads/lead-status";

export type RejectChoice = { reason: RejectReason; note?: string };

/** `count`: how many leads ("all": every lead matching the filters). */
export function RejectDialog({ count = 1, onCancel, onConfirm, busy }: { count?: number | "all"; onCancel: () => void; onConfirm: (choice: RejectChoice) => void; busy: boolean }) {
  const t = useTranslations();
  const [reason, setReason] = useState<RejectChoice["reason"]>("not_a_lead");
  const [note, setNote] = useState("");
  const needsNote = reason === "other" && note.trim() === "";
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onCancel()}
      title={count === 1 ? t("rejectDialog.titleOne") : count === "all" ? t("rejectDialog.titleAll") : t("rejectDialog.titleMany", { count })}
      description={t("rejectDialog.description")}
      size="small"
      testId="reject-dialog"
      footer={
        <>
          <DialogClose className={buttonClass("secondary")}>{t("common.cancel")}</DialogClose>
          <button type="submit" form="reject-form" disabled={needsNote || busy} className={buttonClass("danger")}>
            {t("rejectDialog.reject")}
          </button>
        </>
      }
    >
      <form
        id="reject-form"
        className="grid gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!needsNote) onConfirm({ reason, note: note.trim() || undefined });
        }}
      >
        <label htmlFor="reject-reason" className="text-sm font-medium">
          {t("rejectDialog.reason")}
        </label>
        <select id="reject-reason" value={reason} onChange={(event) => setReason(event.target.value as RejectChoice["reason"])} className="rounded border border-slate-300 px-2 py-1">
          {REJECT_REASON_CHOICES.map((value) => (
            <option key={value} value={value}>
              {rejectReasonWords(t, value)}
            </option>
          ))}
        </select>
        <label htmlFor="reject-note" className="text-sm font-medium">
          {reason === "other" ? t("rejectDialog.noteRequired") : t("rejectDialog.noteOptional")}
        </label>
        <textarea id="reject-note" value={note} onChange={(event) => setNote(event.target.value)} className="rounded border border-slate-300 px-2 py-1" rows={3} />
      </form>
    </Dialog>
  );
}
