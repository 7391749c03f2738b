// A cheap guess of which chrono locales to try on a message, most likely first:
// the conversation's language when known, then common words of each language.
// It only orders parsers; a wrong guess costs a fallback, not a wrong date.
import { foldText } from "@/lib/scoring/text-match";

export const DATE_LOCALES = ["en", "es", "pt", "de", "fr"] as const;
export type DateLocale = (typeof DATE_LOCALES)[number];

const COMMON_WORDS: Record<DateLocale, readonly string[]> = {
  en: ["the", "you", "call", "is", "and", "tomorrow", "next", "week", "please", "can", "at", "on", "me", "i", "my"],
  es: ["el", "la", "los", "las", "que", "por", "llamame", "manana", "semana", "hola", "gracias", "quiero", "martes", "lunes", "es", "mi", "usted"],
  pt: ["voce", "que", "para", "liga", "ligue", "amanha", "semana", "obrigado", "obrigada", "ola", "segunda", "nao", "sim", "as", "meu", "minha", "vem"],
  de: ["ich", "mich", "morgen", "uhr", "und", "nicht", "bitte", "woche", "am", "an", "ruf", "rufen", "sie", "danke", "mein"],
  fr: ["je", "moi", "demain", "vous", "rappelez", "rappelle", "le", "semaine", "merci", "lundi", "bonjour", "est", "mon", "ma"],
};

/** "pt-BR", "Portuguese" -> "pt"; anything else -> null. */
export function dateLocaleOf(language: string | null | undefined): DateLocale | null {
  const code = language?.trim().toLowerCase().slice(0, 2);
  return DATE_LOCALES.find((locale) => locale === code) ?? null;
}

export function guessDateLocales(text: string, languageHint?: string | null): DateLocale[] {
  const words = foldText(text).folded.split(/[^\p{L}]+/u);
  const score = (locale: DateLocale) => words.filter((word) => COMMON_WORDS[locale].includes(word)).length;
  const hinted = dateLocaleOf(languageHint);
  const ranked = [...DATE_LOCALES].sort((a, b) => score(b) - score(a));
  return hinted ? [hinted, ...ranked.filter((locale) => locale !== hinted)] : ranked;
}
