"use client";
// Reviewing one lead: the editable proposal with its flags (raised again as the
// reviewer edits), possible duplicates, labeled scores, CRM sync state and
// audit log beside the transcript, and the actions: approve (asking first when
// a contact value is not valid), merge, reject, assign, undo within the window,
// retries. A decision is reported to the work list (onDecided), which opens the
// next lead. Keyboard: a approve, m merge, r reject, e edit (j/k and ? are the
// queue's).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/app/_components/api";
import { phraseWords, type Phrase } from "@/lib/i18n/phrase";
import { useProblemText } from "@/app/_components/problem-text";
import { leadStatusWords, rejectReasonWords, syncStatusWords } from "@/app/_components/lead-words";
import { DateTimeText } from "@/app/_components/time";
import { buttonClass } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@/app/_components/ui/menu";
import { useCountdown } from "@/app/_components/use-countdown";
import { approvalProblems, checkLead, reviewFlags, type LeadValues } from "@/lib/leads/lead-fields";
import { isOpenStatus } from "@/lib/leads/lead-status";
import { leadKeys } from "@/lib/leads/query-keys";
import { LeadForm } from "./lead-form";
import { MergeDialog } from "./merge-dialog";
import type { Member } from "./queue-columns";
import { RejectDialog, type RejectChoice } from "./reject-dialog";
import { scoreWords } from "./score-words";
import type { LeadDetailData, ReviewFlag } from "./review-types";
import { Transcript } from "./transcript";
import type { UndoableAction } from "./undo-bar";

type Decision = "approve" | "merge" | "reject";
type ActionResult = { proposal: { version: number }; undo?: { remainingMs: number } | null };

function valuesOf(lead: LeadDetailData["lead"]): LeadValues {
  return { name: lead.name, email: lead.email, phone: lead.phone, company: lead.company, productInterest: lead.productInterest, urgencyLevel: lead.urgencyLevel as LeadValues["urgencyLevel"] };
}

function changedFields(original: LeadValues, edited: LeadValues): Partial<LeadValues> {
  return Object.fromEntries(Object.entries(edited).filter(([key, value]) => original[key as keyof LeadValues] !== value));
}

type Props = {
  proposalId: string;
  members: Member[];
  /** A decision was taken: the work list shows its undo and opens the next lead. */
  onDecided: (proposalId: string, action: UndoableAction) => void;
  /** Opens another lead (a possible duplicate still in review). */
  onOpenLead: (proposalId: string) => void;
};

export function LeadReview({ proposalId, members, onDecided, onOpenLead }: Props) {
  const queryClient = useQueryClient();
  const t = useTranslations();
  const problemText = useProblemText();
  const detail = useQuery({ queryKey: leadKeys.detail(proposalId), queryFn: () => apiFetch<LeadDetailData>(`/api/v1/leads/${proposalId}`) });
  // The reviewer's edits belong to the version they were made on: a new version resets them.
  const [edited, setEdited] = useState<{ version: number; values: LeadValues } | null>(null);
  const [highlight, setHighlight] = useState<{ messageId: string; quote: string } | null>(null);
  const [dialog, setDialog] = useState<"merge" | "reject" | "confirm-approve" | null>(null);
  const [serverWarnings, setServerWarnings] = useState<Phrase[] | null>(null);
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const firstInput = useRef<HTMLInputElement>(null);

  const data = detail.data;
  const values = data ? (edited?.version === data.lead.version ? edited.values : valuesOf(data.lead)) : null;
  const setValues = (next: LeadValues) => data && setEdited({ version: data.lead.version, values: next });

  // Every lead list and detail (the queue's rows live under leadKeys too).
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: leadKeys.all }), [queryClient]);

  const action = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => apiFetch<ActionResult>(`/api/v1/leads/${proposalId}/${path}`, { method: "POST", body }),
    onMutate: () => {
      setProblem(null);
      setNotice(null);
    },
    onSuccess: async (result, { path }) => {
      setDialog(null);
      if (path === "approve" || path === "merge" || path === "reject") {
        const version = result.proposal.version;
        onDecided(proposalId, {
          label: t(`review.done.${path as Decision}`, { name: data?.lead.name ?? t("review.theLead") }),
          deadline: Date.now() + (result.undo?.remainingMs ?? 0),
          undo: () => apiFetch(`/api/v1/leads/${proposalId}/undo`, { method: "POST", body: { version } }),
        });
      } else {
        setNotice(t.has(`review.notices.${path}`) ? t(`review.notices.${path}`) : t("review.notices.done"));
      }
      await refresh();
    },
    onError: (error) => {
      const api = error instanceof ApiError ? error : null;
      if (api?.body.code === "confirmation_required" && Array.isArray(api.body.warningPhrases)) {
        setServerWarnings(api.body.warningPhrases as Phrase[]);
        setDialog("confirm-approve");
        return;
      }
      const isDuplicate = api?.body.code === "duplicate_contact" && Array.isArray(api.body.duplicates);
      if (isDuplicate) {
        setDialog("merge");
        void refresh();
      }
      setProblem({ message: problemText(error), conflict: api?.status === 409 && !isDuplicate });
    },
  });
  const assign = useMutation({
    mutationFn: (ownerId: string | null) => apiFetch("/api/v1/leads/bulk", { method: "POST", body: { action: "assign", ownerId, selection: { ids: [proposalId] } } }),
    onSuccess: () => refresh(),
    onError: (error) => setProblem({ message: problemText(error), conflict: false }),
  });

  // An audit action in words: "lead.sync_retried" -> "sync retried" (the catalog's, else the code's own words).
  const auditWords = (action: string) => {
    const code = action.replace("lead.", "");
    return t.has(`review.audit.${code}`) ? t(`review.audit.${code}`) : code.replaceAll("_", " ");
  };
  const open = data ? isOpenStatus(data.lead.status) : false;
  const edits = data && values ? changedFields(valuesOf(data.lead), values) : {};
  const mergeCandidates = data?.duplicates.filter((candidate) => candidate.kind === "contact") ?? [];
  const leadCandidates = data?.duplicates.filter((candidate) => candidate.kind === "lead") ?? [];
  const check = data && values ? checkLead(values, data.defaultCountry) : null;
  const warnings = check ? approvalProblems(check).map((problem) => t(`review.warnings.${problem.code}`, { value: problem.value ?? "" })) : [];
  const undoSeconds = useCountdown(data?.undo && data.undo.remainingMs > 0 ? detail.dataUpdatedAt + data.undo.remainingMs : null);

  const approve = (confirmed: boolean) => {
    if (!data) return;
    if (!confirmed && warnings.length > 0) {
      setServerWarnings(null);
      setDialog("confirm-approve");
      return;
    }
    action.mutate({ path: "approve", body: { version: data.lead.version, edits, ...(confirmed ? { confirmInvalid: true } : {}) } });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.metaKey || event.ctrlKey || event.altKey || dialog || document.querySelector('[role="dialog"],[role="alertdialog"],[role="menu"]') || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (!data || !open) return;
      if (event.key === "a") approve(false);
      else if (event.key === "m" && mergeCandidates.length > 0) setDialog("merge");
      else if (event.key === "r") setDialog("reject");
      else if (event.key === "e") firstInput.current?.focus();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  if (detail.isError) return <p role="alert" className="text-red-800">{problemText(detail.error)}</p>;
  if (!data || !values || !check) return <p className="text-sm text-slate-700">{t("review.loading")}</p>;
  const { lead } = data;
  const extractedFlags = ((lead.validation as { flags?: ReviewFlag[] } | null)?.flags ?? []) as ReviewFlag[];
  // Open leads: the flags the values earn now. Decided leads: the flags stored with the decision.
  const flags = open ? reviewFlags(extractedFlags as Parameters<typeof reviewFlags>[0], valuesOf(lead), check) : extractedFlags;
  const busy = action.isPending;
  const sync = syncStatusWords(t, lead.syncStatus);
  const owner = lead.owner ? (lead.owner.name ?? lead.owner.email) : null;

  return (
    <section aria-label={t("review.label")} className="@container grid gap-4" data-testid="lead-review" data-version={lead.version}>
      <header className="grid gap-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-lg font-semibold break-words">{lead.name ?? t("lead.unnamed")}</h2>
          <Menu
            trigger={
              <button type="button" className="text-sm text-slate-800 underline" disabled={assign.isPending} data-testid="owner-menu">
                {owner ? t("review.owner", { name: owner }) : t("review.assign")}
              </button>
            }
          >
            <MenuLabel>{t("review.whoOwns")}</MenuLabel>
            {members.map((member) => (
              <MenuItem key={member.id} onSelect={() => assign.mutate(member.id)}>
                {member.name ?? member.email}
              </MenuItem>
            ))}
            <MenuSeparator />
            <MenuItem onSelect={() => assign.mutate(null)}>{t("review.nobody")}</MenuItem>
          </Menu>
        </div>
        <p className="text-sm text-slate-700" data-testid="lead-status">
          {leadStatusWords(t, lead.status)}
          {lead.reviewedBy ? t("review.by", { name: lead.reviewedBy }) : ""}
          {sync ? ` · ${sync}` : ""}
          {lead.syncError ? `: ${lead.syncError}` : ""}
        </p>
        <div className="flex flex-wrap gap-2">
          {open && (
            <>
              <button type="button" disabled={busy} onClick={() => approve(false)} className={buttonClass("approve")}>
                {t("review.approve")} <kbd className="ml-1 text-xs opacity-80">a</kbd>
              </button>
              {mergeCandidates.length > 0 && (
                <button type="button" disabled={busy} onClick={() => setDialog("merge")} className={buttonClass("primary")}>
                  {t("review.merge")} <kbd className="ml-1 text-xs opacity-80">m</kbd>
                </button>
              )}
              <button type="button" disabled={busy} onClick={() => setDialog("reject")} className={buttonClass("secondary", "border-red-700 text-red-800")}>
                {t("review.reject")} <kbd className="ml-1 text-xs opacity-80">r</kbd>
              </button>
            </>
          )}
          {!open && undoSeconds > 0 && (
            <button type="button" disabled={busy} onClick={() => action.mutate({ path: "undo", body: { version: lead.version } })} className={buttonClass("secondary")} data-testid="pane-undo">
              {t("review.undo", { seconds: undoSeconds })}
            </button>
          )}
          {lead.syncStatus === "failed" && (
            <button type="button" disabled={busy} onClick={() => action.mutate({ path: "retry-sync" })} className={buttonClass("secondary")}>
              {t("review.retrySync")}
            </button>
          )}
          {open && (
            <button type="button" disabled={busy} onClick={() => action.mutate({ path: "retry-extraction" })} className={buttonClass("secondary")}>
              {t("review.extractAgain")}
            </button>
          )}
        </div>
      </header>

      {problem && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="review-problem">
          {problem.message}
          {problem.conflict && (
            <button type="button" onClick={() => void detail.refetch().then(() => setProblem(null))} className="ml-2 underline">
              {t("review.reload")}
            </button>
          )}
        </div>
      )}
      {notice && (
        <p role="status" className="rounded bg-emerald-50 p-2 text-sm text-emerald-900">
          {notice}
        </p>
      )}
      {lead.status === "failed" && lead.failureReason && (
        <p className="rounded bg-red-50 p-2 text-sm text-red-900" data-testid="extraction-failure">
          {t("review.extractionFailed", { reason: lead.failurePhrase ? phraseWords(t, "review.failure", lead.failurePhrase as Phrase) : lead.failureReason })}
        </p>
      )}
      {lead.rejectReason && (
        <p className="text-sm text-slate-700" data-testid="reject-reason">
          {t("review.rejectedAs", { reason: rejectReasonWords(t, lead.rejectReason).toLowerCase() })}
          {lead.rejectNote ? `: ${lead.rejectNote}` : ""}
        </p>
      )}

      <div className="grid gap-6 @3xl:grid-cols-2">
        <div className="grid content-start gap-4">
          <LeadForm
            ref={firstInput}
            values={values}
            onChange={setValues}
            check={check}
            products={data.products}
            evidence={(lead.evidence ?? {}) as Record<string, { messageId: string; quote: string } | null>}
            confidence={(lead.confidence ?? {}) as Record<string, number>}
            flags={flags}
            readOnly={!open}
            onShowEvidence={setHighlight}
          />
          {data.duplicates.length > 0 && (
            <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="duplicates">
              <h3 className="font-medium">{t("review.duplicates")}</h3>
              <ul className="mt-1 grid gap-2">
                {data.duplicates.map((candidate) => (
                  <li key={`${candidate.kind}-${candidate.id}`} className="break-words">
                    {candidate.kind === "contact" ? t("review.duplicateContact") : t("review.duplicateLead")} {candidate.name ?? t("review.unnamed")} — {candidate.reasonPhrases.map((reason) => phraseWords(t, "duplicateReason", reason)).join("; ")}
                    {candidate.kind === "lead" && (
                      <button type="button" className="ml-2 underline" onClick={() => onOpenLead(candidate.id)}>
                        {t("review.openThatLead")}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              {open && leadCandidates.length > 0 && mergeCandidates.length === 0 && (
                <p className="mt-2 text-slate-800" data-testid="merge-explained">
                  {t("review.mergeExplained")}
                </p>
              )}
            </div>
          )}
          {data.score && (
            <div className="rounded border border-slate-200 p-3 text-sm" data-testid="score-labels">
              <div className="font-medium">{scoreWords(t, data.score).summary}</div>
              <dl className="mt-1 grid grid-cols-2 gap-x-2 text-slate-700">
                {scoreWords(t, data.score).fields.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          )}
          {data.crmLinks.length > 0 && (
            <div className="text-sm text-slate-700" data-testid="crm-links">
              {data.crmLinks.map((link) => (
                <div key={`${link.crmSystem}:${link.crmAccount}`}>
                  {t("review.inCrm", { crm: link.crmSystem })}{" "}
                  {link.url ? (
                    <a href={link.url} className="underline" target={link.url.startsWith("http") ? "_blank" : undefined} rel="noreferrer">
                      {t("review.crmContact", { id: link.crmContactId })}
                    </a>
                  ) : (
                    t("review.crmContact", { id: link.crmContactId })
                  )}
                  {link.crmLeadId ? t("review.crmLead", { id: link.crmLeadId }) : ""}
                </div>
              ))}
            </div>
          )}
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">{t("review.history", { count: data.audit.length })}</summary>
            <ol className="mt-1 grid gap-1 text-slate-700" data-testid="audit-log">
              {data.audit.map((event) => (
                <li key={event.id}>
                  <DateTimeText iso={event.createdAt} /> — {t("review.historyEntry", { action: auditWords(event.action), actor: event.actorLabel ?? event.actorType })}
                </li>
              ))}
            </ol>
          </details>
        </div>
        <Transcript messages={data.transcript.messages} highlightedId={highlight?.messageId ?? null} quote={highlight?.quote ?? null} />
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
      <ConfirmDialog
        open={dialog === "confirm-approve"}
        onOpenChange={(next) => setDialog(next ? "confirm-approve" : null)}
        title={t("review.confirm.title")}
        description={
          <ul className="grid list-disc gap-1 pl-5" data-testid="approve-warnings">
            {(serverWarnings?.map((warning) => phraseWords(t, "review.warnings", warning)) ?? warnings).map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        }
        confirmLabel={t("review.confirm.confirm")}
        cancelLabel={t("review.confirm.cancel")}
        tone="approve"
        busy={busy}
        onConfirm={() => approve(true)}
      />
    </section>
  );
}
