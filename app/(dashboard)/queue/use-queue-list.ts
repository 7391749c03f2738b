"use client";
// The queue list the reviewer is looking at: its filters read from the URL (a
// reload keeps them; the work list's default view is "to review"), its pages
// read through TanStack Query (keys from lib/leads/query-keys.ts) and polled so
// new conversations appear, and a way to change the filters (the URL).
import { useInfiniteQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { apiFetch } from "@/app/_components/api";
import { defaultView, queueQuerySchema, queueSearchParams, rawQueueQuery } from "@/lib/leads/queue-query";
import type { QueuePage, QueueRow } from "@/lib/leads/queue-row";
import { leadKeys, type QueueFilters } from "@/lib/leads/query-keys";

const POLL_INTERVAL_MS = 3_000;

/** The filters a queue URL selects; no `view` means the work list's default (defaultView). */
export function filtersFrom(params: URLSearchParams): QueueFilters {
  const parsed = queueQuerySchema.safeParse(rawQueueQuery(params));
  const query = parsed.success ? parsed.data : queueQuerySchema.parse({});
  // Everything but the page (cursor, limit): the list's identity.
  return {
    status: query.status, urgency: query.urgency, flag: query.flag, product: query.product, language: query.language, from: query.from, to: query.to, q: query.q, sort: query.sort,
    view: query.view ?? defaultView(query), owner: query.owner,
    funnel: query.funnel, firstMessageFrom: query.firstMessageFrom, firstMessageTo: query.firstMessageTo,
  };
}

/** The URL for some filters (the default view left out, so /queue stays /queue). */
export function urlSearchFor(filters: QueueFilters): string {
  return queueSearchParams({ ...filters, view: filters.view === "to_review" ? undefined : filters.view }).toString();
}

export function useQueueList(workspaceId: string, initial: { rows: QueueRow[]; nextCursor: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(searchParams.toString())), [searchParams]);
  // The server's first page belongs to the filters the page was loaded with.
  const [initialKey] = useState(() => JSON.stringify(filters));
  const initialData = JSON.stringify(filters) === initialKey ? { pages: [initial], pageParams: [undefined] } : undefined;

  const query = useInfiniteQuery({
    queryKey: leadKeys.queueList(workspaceId, filters),
    queryFn: ({ pageParam }) => apiFetch<QueuePage>(`/api/v1/leads?${queueSearchParams({ ...filters, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData,
    refetchInterval: POLL_INTERVAL_MS,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.rows) ?? [], [query.data]);

  const changeFilters = useCallback(
    (next: QueueFilters) => {
      const search = urlSearchFor(next);
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return { filters, rows, query, changeFilters };
}
