"use client";
// The queue table's columns (TanStack Table definitions): a checkbox for bulk
// actions, the lead, and what a reviewer scans (product, urgency, confidence,
// status with the sync state, owner and duplicate badge; the conversation,
// email and phone checks on request). Which columns show is the reader's
// choice (column chooser); the defaults fit beside the review pane from
// 1280 px, and the table never scrolls sideways (fixed layout, wrapping cells).
import type { ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { leadStatusWords, syncStatusWords, urgencyWords, type Translate } from "@/app/_components/lead-words";
import { DateTimeText } from "@/app/_components/time";
import type { QueueProposal, QueueRow } from "@/lib/leads/queue-row";

export type Member = { id: string; email: string; name: string | null };

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- an augmentation repeats the library's type parameters
  interface ColumnMeta<TData, TValue> {
    /** What the column chooser calls it. */
    label: string;
    /** Width and responsive hiding of header and cells (literal Tailwind classes). */
    className: string;
  }
}

const statusStyles: Record<string, string> = {
  proposed: "bg-emerald-100 text-emerald-900",
  insufficient: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
  approved: "bg-sky-100 text-sky-900",
  merged: "bg-sky-100 text-sky-900",
  rejected: "bg-slate-200 text-slate-800",
  pending: "bg-slate-100 text-slate-800",
};

const good = "bg-emerald-50 text-emerald-800 ring-emerald-200";
const bad = "bg-red-50 text-red-800 ring-red-200";
const warn = "bg-amber-50 text-amber-900 ring-amber-200";
const plain = "bg-slate-50 text-slate-700 ring-slate-200";

function Badge({ tone, children, testId, title }: { tone: string; children: ReactNode; testId?: string; title?: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`} data-testid={testId} title={title}>
      {children}
    </span>
  );
}

function EmailCell({ proposal, t }: { proposal: QueueProposal; t: Translate }) {
  if (!proposal.email) return <span className="text-slate-600">{t("queue.cells.noEmail")}</span>;
  return (
    <div>
      <div className="break-all">{proposal.email}</div>
      {proposal.emailCheck === "valid" && <Badge tone={good} testId="email-check">{t("queue.cells.valid")}</Badge>}
      {proposal.emailCheck === "invalid" && <Badge tone={bad} testId="email-check">{t("queue.cells.notValid")}</Badge>}
      {proposal.emailCheck === "typo" && (
        <Badge tone={warn} testId="email-check" title={proposal.emailSuggestion ? t("queue.cells.didTheyMean", { suggestion: proposal.emailSuggestion }) : undefined}>
          {t("queue.cells.typo")}{proposal.emailSuggestion ? ` ${proposal.emailSuggestion}` : ""}
        </Badge>
      )}
    </div>
  );
}

function PhoneCell({ proposal, t }: { proposal: QueueProposal; t: Translate }) {
  if (!proposal.phone) return <span className="text-slate-600">{t("queue.cells.noPhone")}</span>;
  const check = proposal.phoneCheck;
  return (
    <div>
      <div className="break-all">{proposal.phone}</div>
      <div className="flex flex-wrap gap-1" data-testid="phone-check">
        {check && <Badge tone={check.valid ? good : bad}>{check.valid ? t("queue.cells.valid") : t("queue.cells.notValid")}</Badge>}
        {check?.type && <Badge tone={check.type === "fixed_line" ? warn : plain}>{t.has(`lead.phoneTypes.${check.type}`) ? t(`lead.phoneTypes.${check.type}`) : check.type.replaceAll("_", " ")}</Badge>}
        {check?.country && <Badge tone={plain}>{check.country}</Badge>}
        {check?.fromWhatsApp && <Badge tone={plain}>{t("queue.cells.fromWhatsApp")}</Badge>}
      </div>
    </div>
  );
}

function LeadCell({ row, t }: { row: QueueRow; t: Translate }) {
  const name = row.proposal?.name;
  return (
    <div className="min-w-0">
      <div className="font-medium break-words" data-testid="lead-name">
        {name ?? row.contactName ?? t("lead.unknown")}
      </div>
      {row.proposal?.company && <div className="text-xs break-words text-slate-700">{row.proposal.company}</div>}
      <div className="text-xs break-all text-slate-600">
        +{row.contactWaId}
        {row.language ? ` · ${row.language}` : ""}
      </div>
      {!row.proposal && (
        <>
          <div className="text-xs font-medium text-slate-700">{leadStatusWords(t, "not_extracted")}</div>
          {row.lastMessage && <div className="line-clamp-2 text-xs break-words text-slate-700">{row.lastMessage}</div>}
        </>
      )}
    </div>
  );
}

function StatusCell({ proposal, members, t }: { proposal: QueueProposal; members: Member[]; t: Translate }) {
  const sync = syncStatusWords(t, proposal.syncStatus);
  const owner = proposal.ownerId ? members.find((member) => member.id === proposal.ownerId) : null;
  return (
    <div className="flex flex-col items-start gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyles[proposal.status] ?? statusStyles.pending}`} data-testid="proposal-status">
        {leadStatusWords(t, proposal.status)}
      </span>
      {sync && <span className="text-xs text-slate-700">{sync}</span>}
      {owner && <span className="text-xs break-all text-slate-700">{t("queue.cells.owner", { name: owner.name ?? owner.email })}</span>}
      {proposal.duplicateCount > 0 && (
        <Badge tone={warn} testId="duplicate-badge">
          {t("queue.cells.duplicates", { count: proposal.duplicateCount })}
        </Badge>
      )}
    </div>
  );
}

/** A proposal column's cell, or nothing for a conversation not extracted yet. */
const withProposal = (render: (proposal: QueueProposal) => ReactNode) =>
  function ProposalCell({ row }: { row: { original: QueueRow } }) {
    return row.original.proposal ? render(row.original.proposal) : null;
  };

/** The columns, worded by `t` (the root translator). */
export function queueColumns(members: Member[], t: Translate): ColumnDef<QueueRow>[] {
  return [
    {
      id: "select",
      enableHiding: false,
      meta: { label: t("queue.columns.select"), className: "w-9" },
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label={t("queue.selectAllShown")}
          checked={table.getIsAllRowsSelected()}
          ref={(input) => {
            if (input) input.indeterminate = table.getIsSomeRowsSelected();
          }}
          onChange={(event) => table.toggleAllRowsSelected(event.target.checked)}
        />
      ),
      cell: ({ row }) =>
        row.getCanSelect() ? (
          <input
            type="checkbox"
            aria-label={t("queue.selectOne", { name: row.original.proposal?.name ?? row.original.contactName ?? t("queue.thisLead") })}
            checked={row.getIsSelected()}
            onClick={(event) => event.stopPropagation()}
            onKeyDown={(event) => event.stopPropagation()}
            onChange={(event) => row.toggleSelected(event.target.checked)}
          />
        ) : null,
    },
    { id: "lead", enableHiding: false, meta: { label: t("queue.columns.lead"), className: "" }, header: t("queue.columns.lead"), cell: ({ row }) => <LeadCell row={row.original} t={t} /> },
    {
      id: "conversation",
      meta: { label: t("queue.columns.conversation"), className: "w-[24%] hidden md:table-cell" },
      header: t("queue.columns.conversation"),
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="line-clamp-2 text-xs break-words text-slate-700" title={row.original.lastMessage ?? undefined}>
            {row.original.lastMessage}
          </div>
          <span className="text-xs text-slate-600">
            <DateTimeText iso={row.original.lastMessageAt} />
          </span>
        </div>
      ),
    },
    { id: "email", meta: { label: t("queue.columns.email"), className: "w-[22%] hidden md:table-cell" }, header: t("queue.columns.email"), cell: withProposal((proposal) => <EmailCell proposal={proposal} t={t} />) },
    { id: "phone", meta: { label: t("queue.columns.phone"), className: "w-[20%] hidden md:table-cell" }, header: t("queue.columns.phone"), cell: withProposal((proposal) => <PhoneCell proposal={proposal} t={t} />) },
    { id: "product", meta: { label: t("queue.columns.product"), className: "w-[16%] hidden sm:table-cell" }, header: t("queue.columns.product"), cell: withProposal((proposal) => <span className="break-words">{proposal.productInterest ?? "—"}</span>) },
    { id: "urgency", meta: { label: t("queue.columns.urgency"), className: "w-[15%]" }, header: t("queue.columns.urgency"), cell: withProposal((proposal) => (proposal.urgencyLevel ? urgencyWords(t, proposal.urgencyLevel) : "—")) },
    {
      id: "confidence",
      meta: { label: t("queue.columns.confidence"), className: "w-[19%] hidden sm:table-cell" },
      header: t("queue.columns.confidence"),
      cell: withProposal((proposal) => (
        <span title={proposal.confidence === null ? undefined : `${Math.round(proposal.confidence * 100)}%`}>{proposal.confidenceLevel ? t(`lead.confidence.${proposal.confidenceLevel}`) : "—"}</span>
      )),
    },
    { id: "status", enableHiding: false, meta: { label: t("queue.columns.status"), className: "w-[22%]" }, header: t("queue.columns.status"), cell: withProposal((proposal) => <StatusCell proposal={proposal} members={members} t={t} />) },
  ];
}

/** Shown unless the reader chooses otherwise: what fits beside the review pane. */
export const DEFAULT_COLUMN_VISIBILITY: Record<string, boolean> = { conversation: false, email: false, phone: false };
