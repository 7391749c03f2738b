// The dashboard's languages: which exist, what each is called in itself, and
// which one a browser asks for (its Accept-Language header) when the person
// has not chosen. Pure; the request's locale is decided in lib/i18n/request.ts.
import { z } from "zod";

export const LOCALES = ["en", "pt-BR", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words, for the chooser on the account page. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "pt-BR": "Português (Brasil)", es: "Español" };

export const localeSchema = z.enum(LOCALES);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The locale a language tag falls under: any Portuguese is pt-BR, any Spanish es, any English en. */
function localeOfTag(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split("-")[0];
  if (language === "pt") return "pt-BR";
  if (language === "es") return "es";
  if (language === "en") return "en";
  return null;
}

/** The best of our locales for an Accept-Language header ("pt-BR,pt;q=0.9,en;q=0.8"), else English. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const locale = localeOfTag(entry.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
