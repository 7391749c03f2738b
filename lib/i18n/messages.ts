// The message catalogs (messages/<locale>.json), one per locale, loaded on
// the server for the request's locale. English is the reference: every
// catalog has its keys and placeholders (lib/i18n/catalogs.test.ts).
import type { Locale } from "./locales";
import type en from "@/messages/en.json";

export type Messages = typeof en;

const loaders: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import("@/messages/en.json"),
  "pt-BR": () => import("@/messages/pt-BR.json"),
  es: () => import("@/messages/es.json"),
};

export async function messagesFor(locale: Locale): Promise<Messages> {
  return (await loaders[locale]()).default;
}
