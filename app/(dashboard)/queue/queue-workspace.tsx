"use client";
// The queue and the lead under review side by side. Keyboard: j/k move through
// the queue, ? shows the shortcuts (a/m/r/e act on the open lead).
import { useEffect, useState } from "react";
import { buttonClass } from "@/app/_components/ui/button";
import { Dialog, DialogClose } from "@/app/_components/ui/dialog";
import type { QueueRow } from "@/lib/leads/queue-row";
import { LeadReview } from "./lead-review";
import { QueueTable, type QueueTableProps } from "./queue-table";

const shortcuts = [
  ["j / k", "next / previous conversation"],
  ["a", "approve the lead"],
  ["m", "merge into an existing contact"],
  ["r", "reject with a reason"],
  ["e", "edit the lead's fields"],
  ["?", "show this help"],
];

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element && (["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName) || element.isContentEditable));
}

/** Clicks the row after (or before) the selected one, so the table's own selection logic runs. */
function moveSelection(step: 1 | -1): void {
  const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="queue-row"]')];
  if (rows.length === 0) return;
  const current = rows.findIndex((row) => row.getAttribute("aria-selected") === "true");
  const next = rows[Math.min(rows.length - 1, Math.max(0, current === -1 ? 0 : current + step))];
  next?.click();
  next?.scrollIntoView({ block: "nearest" });
}

export function QueueWorkspace(props: Omit<QueueTableProps, "selectedConversationId" | "onSelect">) {
  const [selected, setSelected] = useState<QueueRow | null>(null);
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || typingIn(event.target) || document.querySelector('[role="dialog"]')) return;
      if (event.key === "j") moveSelection(1);
      else if (event.key === "k") moveSelection(-1);
      else if (event.key === "?") setHelp(true);
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <div className="grid gap-6 2xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <div className="min-w-0">
        <QueueTable {...props} selectedConversationId={selected?.conversationId} onSelect={setSelected} />
        <p className="mt-2 text-xs text-slate-600">
          Press <kbd>?</kbd> for keyboard shortcuts.
        </p>
      </div>
      <div className="min-w-0">
        {selected?.proposal ? (
          <LeadReview key={selected.proposal.id} proposalId={selected.proposal.id} />
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-600">
            {selected ? "This conversation has no proposed lead yet: it is extracted once the conversation goes quiet." : "Select a conversation (or press j) to review its lead."}
          </p>
        )}
      </div>
      {help && (
        <Dialog open onOpenChange={setHelp} title="Keyboard shortcuts" size="small" footer={<DialogClose className={buttonClass("secondary")}>Close</DialogClose>}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {shortcuts.map(([keys, what]) => (
              <div key={keys} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 px-1">{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </Dialog>
      )}
    </div>
  );
}
