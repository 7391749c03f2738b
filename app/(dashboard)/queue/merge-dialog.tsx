"use client";
// Merging a lead into an existing contact: per field, keep the contact's value
// or take the lead's; the resulting record is previewed by the server before
// the reviewer confirms.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { phraseWords, type Phrase } from "@/lib/i18n/phrase";
import { useProblemText } from "@/app/_components/problem-text";
import { buttonClass } from "@/app/_components/ui/button";
import { Dialog, DialogClose } from "@/app/_components/ui/dialog";
import type { LeadValues } from "@/lib/leads/lead-fields";
import { leadKeys } from "@/lib/leads/query-keys";

type Candidate = { id: string; name: string | null; email: string | null; phone: string | null; company: string | null; reasonPhrases: Phrase[] };
type Preview = { before: LeadValues; after: LeadValues; changes: { field: keyof LeadValues; from: string | null; to: string | null }[] };
type Choices = Partial<Record<keyof LeadValues, "lead" | "contact">>;

const FIELDS: (keyof LeadValues)[] = ["name", "email", "phone", "company", "productInterest", "urgencyLevel"];
/** The catalog key of each field's name here ("Product", not "Product interest"). */
const labelKey = (field: keyof LeadValues) => (field === "productInterest" ? "lead.fields.product" : `lead.fields.${field}`);

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
  const t = useTranslations();
  const problemText = useProblemText();
  const label = (field: keyof LeadValues) => t(labelKey(field));
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
  const fields = FIELDS;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onCancel()}
      title={t("mergeDialog.title")}
      description={t("mergeDialog.description")}
      size="large"
      testId="merge-dialog"
      footer={
        <>
          <DialogClose className={buttonClass("secondary")}>{t("common.cancel")}</DialogClose>
          <button type="button" disabled={!preview.data || props.busy} onClick={() => props.onConfirm(contactId, choices)} className={buttonClass("primary")}>
            {t("mergeDialog.merge")}
          </button>
        </>
      }
    >
      <div className="grid gap-4 text-sm">
        <div className="grid gap-1">
          <label htmlFor="merge-contact" className="font-medium">
            {t("mergeDialog.contact")}
          </label>
          <select id="merge-contact" value={contactId} onChange={(event) => setContactId(event.target.value)} className="w-full rounded border border-slate-300 px-2 py-1">
            {props.candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name} — {candidate.reasonPhrases.map((reason) => phraseWords(t, "duplicateReason", reason)).join(", ")}
              </option>
            ))}
          </select>
        </div>
        {preview.data && (
          <table className="w-full table-fixed text-left break-words">
            <caption className="sr-only">{t("mergeDialog.caption")}</caption>
            <thead className="text-slate-700">
              <tr>
                <th scope="col">{t("mergeDialog.field")}</th>
                <th scope="col">{t("mergeDialog.contactHas")}</th>
                <th scope="col">{t("mergeDialog.leadSays")}</th>
                <th scope="col">{t("mergeDialog.keep")}</th>
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
                    <th scope="row" className="py-1 font-normal">{label(field)}</th>
                    <td>{contactValue ?? "—"}</td>
                    <td>{leadValue ?? "—"}</td>
                    <td>
                      {differs ? (
                        <select
                          aria-label={t("mergeDialog.keepWhich", { field: label(field).toLowerCase() })}
                          value={choice}
                          onChange={(event) => setChoices({ ...choices, [field]: event.target.value as "lead" | "contact" })}
                          className="rounded border border-slate-300 px-1"
                        >
                          <option value="contact">{t("mergeDialog.contacts")}</option>
                          <option value="lead">{t("mergeDialog.leads")}</option>
                        </select>
                      ) : (
                        t("mergeDialog.same")
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
            ? problemText(preview.error)
            : preview.data
              ? preview.data.changes.length === 0
                ? t("mergeDialog.unchanged", { name: preview.data.after.name ?? "", email: preview.data.after.email ?? t("mergeDialog.noEmail"), phone: preview.data.after.phone ?? t("mergeDialog.noPhone") })
                : t("mergeDialog.after", { changes: preview.data.changes.map((change) => `${label(change.field)} ${change.from ?? "—"} → ${change.to ?? "—"}`).join("; ") })
              : t("mergeDialog.loading")}
        </div>
      </div>
    </Dialog>
  );
}
