"use client";
// Reviewing one lead: the transcript beside the editable proposal, its flags,
// possible duplicates, labeled scores, CRM sync state and audit log, and the
// actions (approve, merge, reject, undo, retries). Keyboard: a approve,
// m merge, r reject, e edit (j/k and ? are the queue's).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/app/_components/api";
import type { LeadValues } from "@/lib/leads/lead-fields";
import { leadKeys } from "@/lib/leads/query-keys";
import { LeadForm } from "./lead-form";
import { MergeDialog } from "./merge-dialog";
import { OwnerSelect } from "./owner-select";
import { RejectDialog, type RejectChoice } from "./reject-dialog";
import type { Evidence, LeadDetailData, ReviewFlag } from "./review-types";
import { Transcript } from "./transcript";

const OPEN = ["proposed", "insufficient", "failed", "pending"];

function valuesOf(lead: LeadDetailData["lead"]): LeadValues {
  return { name: lead.name, email: lead.email, phone: lead.phone, company: lead.company, productInterest: lead.productInterest, urgencyLevel: lead.urgencyLevel as LeadValues["urgencyLevel"] };
}

function changedFields(original: LeadValues, edited: LeadValues): Partial<LeadValues> {
  return Object.fromEntries(Object.entries(edited).filter(([key, value]) => original[key as keyof LeadValues] !== value));
}

export function LeadReview({ proposalId }: { proposalId: string }) {
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: leadKeys.detail(proposalId), queryFn: () => apiFetch<LeadDetailData>(`/api/v1/leads/${proposalId}`) });
  // The reviewer's edits belong to the version they were made on: a new version resets them.
  const [edited, setEdited] = useState<{ version: number; values: LeadValues } | null>(null);
  const [highlight, setHighlight] = useState<NonNullable<Evidence> | null>(null);
  const [dialog, setDialog] = useState<"merge" | "reject" | null>(null);
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const firstInput = useRef<HTMLInputElement>(null);

  const data = detail.data;
  const values = data ? (edited?.version === data.lead.version ? edited.values : valuesOf(data.lead)) : null;
  const setValues = (next: LeadValues) => data && setEdited({ version: data.lead.version, values: next });

  // Every lead list and detail (the queue's rows live under leadKeys too).
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: leadKeys.all }), [queryClient]);

  const action = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => apiFetch<unknown>(`/api/v1/leads/${proposalId}/${path}`, { method: "POST", body }),
    onMutate: () => {
      setProblem(null);
      setNotice(null);
    },
    onSuccess: async (_result, { path }) => {
      setDialog(null);
      setNotice(
        { approve: "Approved: the contact was created.", merge: "Merged into the contact.", reject: "Rejected.", undo: "Undone.", "retry-sync": "Sync queued again.", "retry-extraction": "Extraction queued again." }[path] ??
          "Done.",
      );
      await refresh();
    },
    onError: (error) => {
      const api = error instanceof ApiError ? error : null;
      const isDuplicate = api?.body.code === "duplicate_contact" && Array.isArray(api.body.duplicates);
      if (isDuplicate) {
        setDialog("merge");
        void refresh();
      }
      setProblem({ message: error.message, conflict: api?.status === 409 && !isDuplicate });
    },
  });

  const open = data ? OPEN.includes(data.lead.status) : false;
  const edits = data && values ? changedFields(valuesOf(data.lead), values) : {};
  const mergeCandidates = data?.duplicates.filter((candidate) => candidate.kind === "contact") ?? [];

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey || dialog || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (!data || !open) return;
      if (event.key === "a") action.mutate({ path: "approve", body: { version: data.lead.version, edits } });
      else if (event.key === "m" && mergeCandidates.length > 0) setDialog("merge");
      else if (event.key === "r") setDialog("reject");
      else if (event.key === "e") firstInput.current?.focus();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (detail.isError) return <p role="alert" className="text-red-800">{(detail.error as Error).message}</p>;
  if (!data || !values) return <p className="text-sm text-slate-600">Loading the lead…</p>;
  const { lead } = data;
  const flags = ((lead.validation as { flags?: ReviewFlag[] } | null)?.flags ?? []) as ReviewFlag[];
  const evidence = (lead.evidence ?? {}) as Record<string, Evidence>;
  const confidence = (lead.confidence ?? {}) as Record<string, number>;
  const phoneFromWhatsApp = flags.some((flag) => flag.code === "phone_from_whatsapp") && values.phone === lead.phone;
  const busy = action.isPending;

  return (
    <section aria-label="Lead review" className="grid gap-4" data-testid="lead-review" data-version={lead.version}>
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">{lead.name ?? "Unnamed prospect"}</h2>
          <p className="text-sm text-slate-700" data-testid="lead-status">
            {lead.status}
            {lead.reviewedBy ? ` by ${lead.reviewedBy}` : ""} · sync {lead.syncStatus}
            {lead.syncError ? `: ${lead.syncError}` : ""}
          </p>
          <OwnerSelect proposalId={proposalId} ownerId={lead.ownerId} onChanged={refresh} />
        </div>
        <div className="flex flex-wrap gap-2">
          {open && (
            <>
              <button type="button" disabled={busy} onClick={() => action.mutate({ path: "approve", body: { version: lead.version, edits } })} className="rounded bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
                Approve <kbd className="ml-1 text-xs opacity-80">a</kbd>
              </button>
              <button type="button" disabled={busy || mergeCandidates.length === 0} onClick={() => setDialog("merge")} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
                Merge… <kbd className="ml-1 text-xs opacity-80">m</kbd>
              </button>
              <button type="button" disabled={busy} onClick={() => setDialog("reject")} className="rounded border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800">
                Reject… <kbd className="ml-1 text-xs opacity-80">r</kbd>
              </button>
            </>
          )}
          {!open && lead.reviewedAt && (
            <button type="button" disabled={busy} onClick={() => action.mutate({ path: "undo", body: { version: lead.version } })} className="rounded border border-slate-400 px-3 py-1.5 text-sm">
              Undo
            </button>
          )}
          {lead.syncStatus === "failed" && (
            <button type="button" disabled={busy} onClick={() => action.mutate({ path: "retry-sync" })} className="rounded border border-slate-400 px-3 py-1.5 text-sm">
              Retry sync
            </button>
          )}
          {open && (
            <button type="button" disabled={busy} onClick={() => action.mutate({ path: "retry-extraction" })} className="rounded border border-slate-400 px-3 py-1.5 text-sm">
              Extract again
            </button>
          )}
        </div>
      </header>

      {problem && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="review-problem">
          {problem.message}
          {problem.conflict && (
            <button type="button" onClick={() => void detail.refetch().then(() => setProblem(null))} className="ml-2 underline">
              Reload
            </button>
          )}
        </div>
      )}
      {notice && (
        <p role="status" className="rounded bg-emerald-50 p-2 text-sm text-emerald-900">
          {notice}
        </p>
      )}
      {lead.status === "failed" && lead.failureReason && <p className="rounded bg-red-50 p-2 text-sm text-red-900">Extraction failed: {lead.failureReason}</p>}
      {lead.rejectReason && (
        <p className="text-sm text-slate-700" data-testid="reject-reason">
          Rejected as {lead.rejectReason.replaceAll("_", " ")}
          {lead.rejectNote ? `: ${lead.rejectNote}` : ""}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Transcript messages={data.transcript.messages} highlightedId={highlight?.messageId ?? null} quote={highlight?.quote ?? null} />
        <div className="grid content-start gap-4">
          <LeadForm
            ref={firstInput}
            values={values}
            onChange={setValues}
            defaultCountry={data.defaultCountry}
            products={data.products}
            evidence={evidence}
            confidence={confidence}
            flags={flags}
            phoneFromWhatsApp={phoneFromWhatsApp}
            readOnly={!open}
            onShowEvidence={setHighlight}
          />
          {data.score && (
            <div className="rounded border border-slate-200 p-3 text-sm" data-testid="score-labels">
              <div className="font-medium">{data.score.summary}</div>
              <dl className="mt-1 grid grid-cols-2 gap-x-2 text-slate-700">
                {Object.entries(data.score.fields).map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          )}
          {data.duplicates.length > 0 && (
            <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="duplicates">
              <h3 className="font-medium">Possible duplicates</h3>
              <ul className="mt-1 grid gap-1">
                {data.duplicates.map((candidate) => (
                  <li key={`${candidate.kind}-${candidate.id}`}>
                    {candidate.kind === "contact" ? "Contact" : "Lead"} {candidate.name ?? "unnamed"} — {candidate.reasons.join("; ")}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {data.crmLinks.length > 0 && (
            <div className="text-sm text-slate-700" data-testid="crm-links">
              {data.crmLinks.map((link) => (
                <div key={`${link.crmSystem}:${link.crmAccount}`}>
                  In {link.crmSystem}:{" "}
                  {link.url ? (
                    <a href={link.url} className="underline" target={link.url.startsWith("http") ? "_blank" : undefined} rel="noreferrer">
                      contact {link.crmContactId}
                    </a>
                  ) : (
                    `contact ${link.crmContactId}`
                  )}
                  {link.crmLeadId ? `, lead ${link.crmLeadId}` : ""}
                </div>
              ))}
            </div>
          )}
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">History ({data.audit.length})</summary>
            <ol className="mt-1 grid gap-1 text-slate-700" data-testid="audit-log">
              {data.audit.map((event) => (
                <li key={event.id}>
                  {event.createdAt.slice(0, 16).replace("T", " ")} — {event.action.replace("lead.", "").replaceAll("_", " ")} by {event.actorLabel ?? event.actorType}
                </li>
              ))}
            </ol>
          </details>
        </div>
      </div>

      {dialog === "reject" && (
        <RejectDialog busy={busy} onCancel={() => setDialog(null)} onConfirm={(choice: RejectChoice) => action.mutate({ path: "reject", body: { version: lead.version, ...choice } })} />
      )}
      {dialog === "merge" && mergeCandidates.length > 0 && (
        <MergeDialog
          proposalId={proposalId}
          version={lead.version}
          candidates={mergeCandidates}
          edits={edits}
          lead={values}
          busy={busy}
          onCancel={() => setDialog(null)}
          onConfirm={(contactId, choices) => action.mutate({ path: "merge", body: { version: lead.version, contactId, choices, edits } })}
        />
      )}
    </section>
  );
}
