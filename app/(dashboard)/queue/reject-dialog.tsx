"use client";
// Rejecting a lead needs a reason (and words when the reason is "other").
import { useState } from "react";
import { Modal } from "@/app/_components/modal";

const reasons = [
  ["spam", "Spam"],
  ["not_a_lead", "Not a lead"],
  ["duplicate", "Duplicate"],
  ["wrong_number", "Wrong number"],
  ["other", "Other"],
] as const;

export type RejectChoice = { reason: (typeof reasons)[number][0]; note?: string };

export function RejectDialog({ onCancel, onConfirm, busy }: { onCancel: () => void; onConfirm: (choice: RejectChoice) => void; busy: boolean }) {
  const [reason, setReason] = useState<RejectChoice["reason"]>("not_a_lead");
  const [note, setNote] = useState("");
  const needsNote = reason === "other" && note.trim() === "";
  return (
    <Modal title="Reject lead" onClose={onCancel}>
      <form
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
          {reasons.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="reject-note" className="text-sm font-medium">
          Note {reason === "other" ? "(required)" : "(optional)"}
        </label>
        <textarea id="reject-note" value={note} onChange={(event) => setNote(event.target.value)} className="rounded border border-slate-300 px-2 py-1" rows={3} />
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1.5 text-sm">
            Cancel
          </button>
          <button type="submit" disabled={needsNote || busy} className="rounded bg-red-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
            Reject
          </button>
        </div>
      </form>
    </Modal>
  );
}
