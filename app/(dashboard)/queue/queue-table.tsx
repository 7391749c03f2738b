"use client";
// The review queue's table: filters kept in the URL (a reload keeps them), the
// list read through TanStack Query with keys from lib/leads/query-keys.ts,
// keyset "Load more", and polling every few seconds so a conversation arriving
// by webhook or import shows up without a reload. Row click or Enter calls
// onSelect (the detail pane wires itself to it); the selected row is marked.
import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { EmptyState } from "@/app/_components/empty-state";
import { queueQuerySchema, queueSearchParams, rawQueueQuery } from "@/lib/leads/queue-query";
import type { QueuePage, QueueRow } from "@/lib/leads/queue-row";
import { leadKeys, type QueueFilters } from "@/lib/leads/query-keys";
import { QueueFilterBar } from "./queue-filters";
import { QueueRowCells } from "./queue-row-cells";

const POLL_INTERVAL_MS = 3_000;

function filtersFrom(params: URLSearchParams): QueueFilters {
  const parsed = queueQuerySchema.safeParse(rawQueueQuery(params));
  const query = parsed.success ? parsed.data : queueQuerySchema.parse({});
  // Everything but the page (cursor, limit): the list's identity.
  return { status: query.status, urgency: query.urgency, flag: query.flag, product: query.product, language: query.language, from: query.from, to: query.to, q: query.q, sort: query.sort };
}

function fetchQueuePage(filters: QueueFilters, cursor: string | undefined): Promise<QueuePage> {
  return apiFetch<QueuePage>(`/api/v1/leads?${queueSearchParams({ ...filters, cursor })}`);
}

export type QueueTableProps = {
  workspaceId: string;
  /** The first page for the URL's filters, read on the server. */
  initialRows: QueueRow[];
  initialNextCursor?: string | null;
  /** The workspace's catalog, offered in the product filter. */
  products?: string[];
  selectedConversationId?: string;
  onSelect?: (row: QueueRow) => void;
};

export function QueueTable({ workspaceId, initialRows, initialNextCursor = null, products = [], selectedConversationId, onSelect }: QueueTableProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(searchParams.toString())), [searchParams]);
  // The server's first page belongs to the filters the page was loaded with.
  const [initialKey] = useState(() => JSON.stringify(filters));
  const initialData = JSON.stringify(filters) === initialKey ? { pages: [{ rows: initialRows, nextCursor: initialNextCursor }], pageParams: [undefined] } : undefined;

  const query = useInfiniteQuery({
    queryKey: leadKeys.queueList(workspaceId, filters),
    queryFn: ({ pageParam }) => fetchQueuePage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData,
    refetchInterval: POLL_INTERVAL_MS,
  });
  const rows = query.data?.pages.flatMap((page) => page.rows) ?? [];

  const changeFilters = useCallback(
    (next: QueueFilters) => {
      const search = queueSearchParams(next).toString();
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  const filtered = searchParams.toString() !== "";

  return (
    <div>
      <QueueFilterBar filters={filters} products={products} onChange={changeFilters} />
      {query.isError && <p role="alert" className="mb-2 text-sm text-red-700">{(query.error as Error).message}</p>}
      {rows.length === 0 && !query.isFetching ? (
        filtered ? (
          <EmptyState title="No conversations match">Change or clear the filters to see more of the queue.</EmptyState>
        ) : (
          <EmptyState title="No conversations yet">
            Conversations arrive from the WhatsApp webhook or a chatbot import, and their proposed leads wait here for review.
          </EmptyState>
        )
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm" data-testid="queue-table" aria-busy={query.isFetching && rows.length === 0}>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Conversation</th>
                <th scope="col" className="px-3 py-2">Lead</th>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Phone</th>
                <th scope="col" className="px-3 py-2">Product</th>
                <th scope="col" className="px-3 py-2">Urgency</th>
                <th scope="col" className="px-3 py-2">Confidence</th>
                <th scope="col" className="px-3 py-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const selected = row.conversationId === selectedConversationId;
                return (
                  <tr
                    key={row.conversationId}
                    data-testid="queue-row"
                    data-conversation-id={row.conversationId}
                    data-proposal-id={row.proposal?.id ?? ""}
                    aria-selected={onSelect || selectedConversationId ? selected : undefined}
                    tabIndex={onSelect ? 0 : undefined}
                    onClick={onSelect ? () => onSelect(row) : undefined}
                    onKeyDown={onSelect ? (event) => { if (event.key === "Enter") onSelect(row); } : undefined}
                    className={`border-t border-slate-100 align-top ${onSelect ? "cursor-pointer hover:bg-slate-50 focus:bg-slate-50 focus:outline-none" : ""} ${selected ? "bg-sky-50" : ""}`}
                  >
                    <QueueRowCells row={row} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {query.hasNextPage && (
        <div className="mt-3 text-center">
          <button type="button" className="rounded border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      )}
    </div>
  );
}
