"use client";
// The work list's views: "To review" (the default), "Assigned to me" and
// "Done". Each is a set of the queue's own filters (view, owner), so a view is
// a URL like any filter and a reload keeps it.
import { useTranslations } from "next-intl";
import type { QueueFilters } from "@/lib/leads/query-keys";

const VIEWS = [
  { id: "to_review", filters: { view: "to_review", owner: undefined } },
  { id: "mine", filters: { view: "to_review", owner: "me" } },
  { id: "done", filters: { view: "done", owner: undefined } },
] as const;

function currentView(filters: QueueFilters): (typeof VIEWS)[number]["id"] | null {
  if (filters.view === "done" && !filters.owner) return "done";
  if (filters.view === "to_review" && filters.owner === "me") return "mine";
  if (filters.view === "to_review" && !filters.owner) return "to_review";
  return null;
}

export function ViewTabs({ filters, onChange }: { filters: QueueFilters; onChange: (next: QueueFilters) => void }) {
  const current = currentView(filters);
  const t = useTranslations("queue.views");
  return (
    <nav aria-label={t("label")} className="mb-3 flex flex-wrap gap-1 border-b border-slate-200" data-testid="view-tabs">
      {VIEWS.map((view) => (
        <button
          key={view.id}
          type="button"
          aria-current={current === view.id ? "page" : undefined}
          // A view starts from its own statuses: a status filter of another view would hide everything.
          onClick={() => onChange({ ...filters, ...view.filters, status: undefined })}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${current === view.id ? "border-slate-900 text-slate-900" : "border-transparent text-slate-700 hover:text-slate-900"}`}
        >
          {t(view.id)}
        </button>
      ))}
    </nav>
  );
}
