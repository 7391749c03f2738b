"use client";
// Client-side providers: one TanStack Query client per browser session. Once
// React has hydrated the page, <html> carries `data-hydrated`: a click on
// server-rendered markup before then has no handler yet and does nothing, so the
// end-to-end tests wait for it (e2e/support.ts, waitForApp).
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true } } }));
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
