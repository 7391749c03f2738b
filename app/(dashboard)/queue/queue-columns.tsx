"use client";
// The queue table's columns (TanStack Table definitions): a checkbox for bulk
// actions, the lead, and what a reviewer scans (product, urgency, confidence,
// status with the sync state, owner and duplicate badge; the conversation,
// email and phone checks on request). Which columns show is the reader's
// choice (column chooser); the defaults fit beside the review pane from
// 1280 px, and the table never scrolls sideways (fixed layout, wrapping cells).
import type { ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { leadStatusWords, syncStatusWords, URGENCY_WORDS } from "@/app/_components/lead-words";
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

const PHONE_TYPES: Record<string, string> = { mobile: "mobile", fixed_line: "fixed line", fixed_line_or_mobile: "mobile or fixed", voip: "VoIP", toll_free: "toll-free" };
const CONFIDENCE_WORDS: Record<string, string> = { high: "High", medium: "Medium", low: "Low" };

function EmailCell({ proposal }: { proposal: QueueProposal }) {
  if (!proposal.email) return <span className="text-slate-600">no email</span>;
  return (
    <div>
      <div className="break-all">{proposal.email}</div>
      {proposal.emailCheck === "valid" && <Badge tone={good} testId="email-check">valid</Badge>}
      {proposal.emailCheck === "invalid" && <Badge tone={bad} testId="email-check">not valid</Badge>}
      {proposal.emailCheck === "typo" && (
        <Badge tone={warn} testId="email-check" title={proposal.emailSuggestion ? `Did they mean ${proposal.emailSuggestion}?` : undefined}>
          typo?{proposal.emailSuggestion ? ` ${proposal.emailSuggestion}` : ""}
        </Badge>
      )}
    </div>
  );
}

function PhoneCell({ proposal }: { proposal: QueueProposal }) {
  if (!proposal.phone) return <span className="text-slate-600">no phone</span>;
  const check = proposal.phoneCheck;
  return (
    <div>
      <div className="break-all">{proposal.phone}</div>
      <div className="flex flex-wrap gap-1" data-testid="phone-check">
        {check && <Badge tone={check.valid ? good : bad}>{check.valid ? "valid" : "not valid"}</Badge>}
        {check?.type && <Badge tone={check.type === "fixed_line" ? warn : plain}>{PHONE_TYPES[check.type] ?? check.type.replaceAll("_", " ")}</Badge>}
        {check?.country && <Badge tone={plain}>{check.country}</Badge>}
        {check?.fromWhatsApp && <Badge tone={plain}>from WhatsApp</Badge>}
      </div>
    </div>
  );
}

function LeadCell({ row }: { row: QueueRow }) {
  const name = row.proposal?.name;
  return (
    <div className="min-w-0">
      <div className="font-medium break-words" data-testid="lead-name">
        {name ?? row.contactName ?? "Unknown"}
      </div>
      {row.proposal?.company && <div className="text-xs break-words text-slate-700">{row.proposal.company}</div>}
      <div className="text-xs break-all text-slate-600">
        +{row.contactWaId}
        {row.language ? ` · ${row.language}` : ""}
      </div>
      {!row.proposal && (
        <>
          <div className="text-xs font-medium text-slate-700">Not extracted yet</div>
          {row.lastMessage && <div className="line-clamp-2 text-xs break-words text-slate-700">{row.lastMessage}</div>}
        </>
      )}
    </div>
  );
}

function StatusCell({ proposal, members }: { proposal: QueueProposal; members: Member[] }) {
  const sync = syncStatusWords(proposal.syncStatus);
  const owner = proposal.ownerId ? members.find((member) => member.id === proposal.ownerId) : null;
  return (
    <div className="flex flex-col items-start gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyles[proposal.status] ?? statusStyles.pending}`} data-testid="proposal-status">
        {leadStatusWords(proposal.status)}
      </span>
      {sync && <span className="text-xs text-slate-700">{sync}</span>}
      {owner && <span className="text-xs break-all text-slate-700">Owner: {owner.name ?? owner.email}</span>}
      {proposal.duplicateCount > 0 && (
        <Badge tone={warn} testId="duplicate-badge">
          {proposal.duplicateCount === 1 ? "1 possible duplicate" : `${proposal.duplicateCount} possible duplicates`}
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

export function queueColumns(members: Member[]): ColumnDef<QueueRow>[] {
  return [
    {
      id: "select",
      enableHiding: false,
      meta: { label: "Select", className: "w-9" },
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label="Select every lead shown"
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
            aria-label={`Select ${row.original.proposal?.name ?? row.original.contactName ?? "this lead"}`}
            checked={row.getIsSelected()}
            onClick={(event) => event.stopPropagation()}
            onKeyDown={(event) => event.stopPropagation()}
            onChange={(event) => row.toggleSelected(event.target.checked)}
          />
        ) : null,
    },
    { id: "lead", enableHiding: false, meta: { label: "Lead", className: "" }, header: "Lead", cell: ({ row }) => <LeadCell row={row.original} /> },
    {
      id: "conversation",
      meta: { label: "Last message", className: "w-[24%] hidden md:table-cell" },
      header: "Last message",
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="line-clamp-2 text-xs break-words text-slate-700" title={row.original.lastMessage ?? undefined}>
            {row.original.lastMessage}
          </div>
          <time className="text-xs text-slate-600" dateTime={row.original.lastMessageAt}>
            {row.original.lastMessageAt.slice(0, 16).replace("T", " ")} UTC
          </time>
        </div>
      ),
    },
    { id: "email", meta: { label: "Email", className: "w-[22%] hidden md:table-cell" }, header: "Email", cell: withProposal((proposal) => <EmailCell proposal={proposal} />) },
    { id: "phone", meta: { label: "Phone", className: "w-[20%] hidden md:table-cell" }, header: "Phone", cell: withProposal((proposal) => <PhoneCell proposal={proposal} />) },
    { id: "product", meta: { label: "Product", className: "w-[16%] hidden sm:table-cell" }, header: "Product", cell: withProposal((proposal) => <span className="break-words">{proposal.productInterest ?? "—"}</span>) },
    { id: "urgency", meta: { label: "Urgency", className: "w-[15%]" }, header: "Urgency", cell: withProposal((proposal) => (proposal.urgencyLevel ? (URGENCY_WORDS[proposal.urgencyLevel] ?? proposal.urgencyLevel) : "—")) },
    {
      id: "confidence",
      meta: { label: "Confidence", className: "w-[19%] hidden sm:table-cell" },
      header: "Confidence",
      cell: withProposal((proposal) => (
        <span title={proposal.confidence === null ? undefined : `${Math.round(proposal.confidence * 100)}%`}>{proposal.confidenceLevel ? CONFIDENCE_WORDS[proposal.confidenceLevel] : "—"}</span>
      )),
    },
    { id: "status", enableHiding: false, meta: { label: "Status", className: "w-[22%]" }, header: "Status", cell: withProposal((proposal) => <StatusCell proposal={proposal} members={members} />) },
  ];
}

/** Shown unless the reader chooses otherwise: what fits beside the review pane. */
export const DEFAULT_COLUMN_VISIBILITY: Record<string, boolean> = { conversation: false, email: false, phone: false };
