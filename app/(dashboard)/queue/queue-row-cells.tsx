// The cells of one queue row: the conversation beside its proposed lead, with
// the validation badges a reviewer scans (email valid/invalid/typo; phone
// valid, mobile/fixed, country, from WhatsApp), confidence as a word, status,
// sync status and the duplicate badge.
import type { ReactNode } from "react";
import type { QueueProposal, QueueRow } from "@/lib/leads/queue-row";

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

function EmailCell({ proposal }: { proposal: QueueProposal }) {
  if (!proposal.email) return <span className="text-slate-400">no email</span>;
  return (
    <div>
      <div className="break-all">{proposal.email}</div>
      {proposal.emailCheck === "valid" && <Badge tone={good} testId="email-check">valid</Badge>}
      {proposal.emailCheck === "invalid" && <Badge tone={bad} testId="email-check">invalid</Badge>}
      {proposal.emailCheck === "typo" && (
        <Badge tone={warn} testId="email-check" title={proposal.emailSuggestion ? `Did they mean ${proposal.emailSuggestion}?` : undefined}>
          typo?{proposal.emailSuggestion ? ` ${proposal.emailSuggestion}` : ""}
        </Badge>
      )}
    </div>
  );
}

function PhoneCell({ proposal }: { proposal: QueueProposal }) {
  if (!proposal.phone) return <span className="text-slate-400">no phone</span>;
  const check = proposal.phoneCheck;
  return (
    <div>
      <div className="whitespace-nowrap">{proposal.phone}</div>
      <div className="flex flex-wrap gap-1" data-testid="phone-check">
        {check && <Badge tone={check.valid ? good : bad}>{check.valid ? "valid" : "invalid"}</Badge>}
        {check?.type && <Badge tone={check.type === "fixed_line" ? warn : plain}>{PHONE_TYPES[check.type] ?? check.type.replaceAll("_", " ")}</Badge>}
        {check?.country && <Badge tone={plain}>{check.country}</Badge>}
        {check?.fromWhatsApp && <Badge tone={plain}>from WhatsApp</Badge>}
      </div>
    </div>
  );
}

export function QueueRowCells({ row }: { row: QueueRow }) {
  const proposal = row.proposal;
  return (
    <>
      <td className="px-3 py-2">
        <div className="font-medium">{row.contactName ?? "Unknown"}</div>
        <div className="text-xs text-slate-600">+{row.contactWaId}{row.language ? ` · ${row.language}` : ""}</div>
        <div className="max-w-56 truncate text-xs text-slate-500" title={row.lastMessage ?? undefined}>{row.lastMessage}</div>
        <time className="text-xs text-slate-500" dateTime={row.lastMessageAt}>{row.lastMessageAt.slice(0, 16).replace("T", " ")} UTC</time>
      </td>
      {proposal ? (
        <>
          <td className="px-3 py-2">
            <div className="font-medium" data-testid="lead-name">{proposal.name ?? <span className="text-slate-400">no name</span>}</div>
            {proposal.company && <div className="text-xs text-slate-600">{proposal.company}</div>}
          </td>
          <td className="px-3 py-2"><EmailCell proposal={proposal} /></td>
          <td className="px-3 py-2"><PhoneCell proposal={proposal} /></td>
          <td className="px-3 py-2">{proposal.productInterest ?? "—"}</td>
          <td className="px-3 py-2">{proposal.urgencyLevel ?? "—"}</td>
          <td className="px-3 py-2" title={proposal.confidence === null ? undefined : `${Math.round(proposal.confidence * 100)}%`}>{proposal.confidenceLevel ?? "—"}</td>
          <td className="px-3 py-2">
            <div className="flex flex-col items-start gap-1">
              <span className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyles[proposal.status] ?? statusStyles.pending}`} data-testid="proposal-status">{proposal.status}</span>
              {proposal.syncStatus !== "none" && <span className="text-xs text-slate-600">sync: {proposal.syncStatus}</span>}
              {proposal.duplicateCount > 0 && (
                <Badge tone={warn} testId="duplicate-badge">
                  {proposal.duplicateCount === 1 ? "1 possible duplicate" : `${proposal.duplicateCount} possible duplicates`}
                </Badge>
              )}
            </div>
          </td>
        </>
      ) : (
        <td className="px-3 py-2 text-xs text-slate-600" colSpan={7}>not extracted yet</td>
      )}
    </>
  );
}
