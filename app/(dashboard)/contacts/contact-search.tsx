"use client";
// The Contacts search box: typing updates ?q= (after a short pause), so the
// list, the next page and the CSV export all follow the same search.
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

export function ContactSearch({ initial }: { initial: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(initial);
  const t = useTranslations("contacts");
  useEffect(() => {
    if (q === initial) return;
    const timer = setTimeout(() => router.replace(q.trim() ? `${pathname}?${new URLSearchParams({ q: q.trim() })}` : pathname), 300);
    return () => clearTimeout(timer);
  }, [q, initial, pathname, router]);
  return (
    <form role="search" className="mb-4" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="contact-search" className="sr-only">{t("search")}</label>
      <input
        id="contact-search"
        type="search"
        value={q}
        onChange={(event) => setQ(event.target.value)}
        placeholder={t("searchPlaceholder")}
        className="w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
    </form>
  );
}
