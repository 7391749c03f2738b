"use client";
// Rejecting one lead or many needs a reason (and words when the reason is "other").
import { useState } from "react";
import { buttonClass } from "@/app/_components/ui/button";
import { Dialog, DialogClose } from "@/app/_components/ui/dialog";
import { REJECT_REASON_WORDS } from "@/app/_components/lead-words";

export type RejectChoice = { reason: keyof typeof REJECT_REASON_WORDS; note?: string };

/** `count`: how many leads ("all": every lead matching the filters). */
export function RejectDialog({ count = 1, onCancel, onConfirm, busy }: { count?: number | "all"; onCancel: () => void; onConfirm: (choice: RejectChoice) => void; busy: boolean }) {
  const [reason, setReason] = useState<RejectChoice["reason"]>("not_a_lead");
  const [note, setNote] = useState("");
  const needsNote = reason === "other" && note.trim() === "";
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onCancel()}
      title={count === 1 ? "Reject lead" : count === "all" ? "Reject every lead matching the filters" : `Reject ${count} leads`}
      description="Rejected leads leave the queue and are not sent to the CRM. You can undo this for a minute."
      size="small"
      testId="reject-dialog"
      footer={
        <>
          <DialogClose className={buttonClass("secondary")}>Cancel</DialogClose>
          <button type="submit" form="reject-form" disabled={needsNote || busy} className={buttonClass("danger")}>
            Reject
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
          Reason
        </label>
        <select id="reject-reason" value={reason} onChange={(event) => setReason(event.target.value as RejectChoice["reason"])} className="rounded border border-slate-300 px-2 py-1">
          {Object.entries(REJECT_REASON_WORDS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="reject-note" className="text-sm font-medium">
          Note {reason === "other" ? "(required)" : "(optional)"}
        </label>
        <textarea id="reject-note" value={note} onChange={(event) => setNote(event.target.value)} className="rounded border border-slate-300 px-2 py-1" rows={3} />
      </form>
    </Dialog>
  );
}
