"use client";
// An API problem as the reader reads it. The API answers in English (it is
// also the public API), with a code per problem: in English the dashboard
// shows the server's own words; in another language, the catalog's words for
// the code ("errors.<code>", generic but in the reader's language), and the
// server's words only for a code the catalog does not know.
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { ApiError } from "./api";

export function useProblemText(): (error: unknown) => string {
  const locale = useLocale();
  const t = useTranslations("errors");
  return (error) => {
    const message = error instanceof Error ? error.message : String(error);
    if (locale === DEFAULT_LOCALE || !(error instanceof ApiError)) return message;
    const code = typeof error.body.code === "string" ? error.body.code : error.status >= 500 ? "internal" : null;
    return code && t.has(code) ? t(code) : message;
  };
}
