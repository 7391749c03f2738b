"use client";
// Merging a lead into an existing contact: per field, keep the contact's value
// or take the lead's; the resulting record is previewed by the server before
// the reviewer confirms.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { buttonClass } from "@/app/_components/ui/button";
import { Dialog, DialogClose } from "@/app/_components/ui/dialog";
import type { LeadValues } from "@/lib/leads/lead-fields";
import { leadKeys } from "@/lib/leads/query-keys";

type Candidate = { id: string; name: string | null; email: string | null; phone: string | null; company: string | null; reasons: string[] };
type Preview = { before: LeadValues; after: LeadValues; changes: { field: keyof LeadValues; from: string | null; to: string | null }[] };
type Choices = Partial<Record<keyof LeadValues, "lead" | "contact">>;

const labels: Record<keyof LeadValues, string> = { name: "Name", email: "Email", phone: "Phone", company: "Company", productInterest: "Product", urgencyLevel: "Urgency" };

export function MergeDialog(props: {
  proposalId: string;
  version: number;
  candidates: Candidate[];
  edits: Partial<LeadValues>;
  lead: LeadValues;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (contactId: string, choices: Choices) => void;
}) {
  const [contactId, setContactId] = useState(props.candidates[0]?.id ?? "");
  const [choices, setChoices] = useState<Choices>({});
  const preview = useQuery({
    queryKey: leadKeys.mergePreview(props.proposalId, { contactId, choices, edits: props.edits }),
    enabled: contactId !== "",
    queryFn: () =>
      apiFetch<Preview>(`/api/v1/leads/${props.proposalId}/merge`, {
        method: "POST",
        body: { version: props.version, contactId, choices, edits: props.edits, preview: true },
      }),
  });
  const fields = Object.keys(labels) as (keyof LeadValues)[];
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onCancel()}
      title="Merge into an existing contact"
      description="The lead's conversation joins the contact; pick which value to keep where they differ."
      size="large"
      testId="merge-dialog"
      footer={
        <>
          <DialogClose className={buttonClass("secondary")}>Cancel</DialogClose>
          <button type="button" disabled={!preview.data || props.busy} onClick={() => props.onConfirm(contactId, choices)} className={buttonClass("primary")}>
            Merge
          </button>
        </>
      }
    >
      <div className="grid gap-4 text-sm">
        <div className="grid gap-1">
          <label htmlFor="merge-contact" className="font-medium">
            Contact
          </label>
          <select id="merge-contact" value={contactId} onChange={(event) => setContactId(event.target.value)} className="w-full rounded border border-slate-300 px-2 py-1">
            {props.candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name} — {candidate.reasons.join(", ")}
              </option>
            ))}
          </select>
        </div>
        {preview.data && (
          <table className="w-full table-fixed text-left break-words">
            <caption className="sr-only">Which value wins for each field</caption>
            <thead className="text-slate-700">
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Contact has</th>
                <th scope="col">Lead says</th>
                <th scope="col">Keep</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => {
                const leadValue = props.lead[field];
                const contactValue = preview.data.before[field];
                const differs = (leadValue ?? null) !== (contactValue ?? null) && leadValue !== null;
                const choice = choices[field] ?? (contactValue === null ? "lead" : "contact");
                return (
                  <tr key={field} className="border-t border-slate-100">
                    <th scope="row" className="py-1 font-normal">{labels[field]}</th>
                    <td>{contactValue ?? "—"}</td>
                    <td>{leadValue ?? "—"}</td>
                    <td>
                      {differs ? (
                        <select
                          aria-label={`Keep which ${labels[field].toLowerCase()}`}
                          value={choice}
                          onChange={(event) => setChoices({ ...choices, [field]: event.target.value as "lead" | "contact" })}
                          className="rounded border border-slate-300 px-1"
                        >
                          <option value="contact">contact&apos;s</option>
                          <option value="lead">lead&apos;s</option>
                        </select>
                      ) : (
                        "same"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div role="status" className="rounded bg-slate-50 p-3" data-testid="merge-preview">
          {preview.isError
            ? (preview.error as Error).message
            : preview.data
              ? preview.data.changes.length === 0
                ? `The contact stays as it is: ${preview.data.after.name}, ${preview.data.after.email ?? "no email"}, ${preview.data.after.phone ?? "no phone"}.`
                : `After the merge: ${preview.data.changes.map((change) => `${labels[change.field]} ${change.from ?? "—"} → ${change.to ?? "—"}`).join("; ")}.`
              : "Loading the preview…"}
        </div>
      </div>
    </Dialog>
  );
}
