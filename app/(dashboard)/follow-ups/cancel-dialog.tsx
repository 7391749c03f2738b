"use client";
// Cancelling a follow-up asks why: a common reason or the person's own words,
// shown on the page afterwards. Nothing is cancelled without one.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { Modal } from "@/app/_components/modal";

const REASONS = ["Already contacted", "Not interested any more", "Asked not to be contacted", "Duplicate of another follow-up"];

export function CancelFollowUpDialog({ followUpId, contactName, onClose, onCancelled }: { followUpId: string; contactName: string; onClose: () => void; onCancelled: () => void }) {
  const [choice, setChoice] = useState("");
  const [note, setNote] = useState("");
  const reason = choice === "other" ? note.trim() : choice;
  const cancel = useMutation({
    mutationFn: () => apiFetch(`/api/v1/follow-ups/${followUpId}/cancel`, { method: "POST", body: { reason } }),
    onSuccess: () => {
      onCancelled();
      onClose();
    },
  });
  return (
    <Modal title={`Cancel the follow-up with ${contactName}?`} onClose={onClose}>
      <form
        className="grid gap-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason) cancel.mutate();
        }}
      >
        <fieldset className="grid gap-1">
          <legend className="mb-1 font-medium">Why?</legend>
          {[...REASONS, "other"].map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input type="radio" name="cancel-reason" value={option} checked={choice === option} onChange={() => setChoice(option)} />
              {option === "other" ? "Another reason" : option}
            </label>
          ))}
        </fieldset>
        {choice === "other" ? (
          <label className="grid gap-1">
            Reason
            <input value={note} onChange={(event) => setNote(event.target.value)} maxLength={500} className="rounded border border-slate-300 px-2 py-1" />
          </label>
        ) : null}
        {cancel.error ? <p role="alert" className="text-red-700">{cancel.error.message}</p> : null}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1.5">Keep it</button>
          <button type="submit" disabled={!reason || cancel.isPending} className="rounded bg-red-800 px-3 py-1.5 font-medium text-white disabled:opacity-50">Cancel follow-up</button>
        </div>
      </form>
    </Modal>
  );
}
