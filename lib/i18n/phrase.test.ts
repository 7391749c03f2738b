// Server phrases worded through the real catalogs: a known code reads in the
// reader's language with its values, an unknown one keeps the server's English.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "./messages";
import { phrase, phraseWords, type PhraseTranslator } from "./phrase";

async function translator(locale: "en" | "pt-BR" | "es"): Promise<PhraseTranslator> {
  const t = createTranslator({ locale, messages: await messagesFor(locale) });
  return Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, values as never), { has: (key: string) => t.has(key as never) });
}

describe("phraseWords", () => {
  it("words a duplicate's reason in Portuguese and Spanish with its value", async () => {
    const reason = phrase("same_email", "same email ana@gmail.com", { email: "ana@gmail.com" });
    expect(phraseWords(await translator("pt-BR"), "duplicateReason", reason)).toBe("mesmo e-mail ana@gmail.com");
    expect(phraseWords(await translator("es"), "duplicateReason", reason)).toBe("mismo correo ana@gmail.com");
    expect(phraseWords(await translator("en"), "duplicateReason", reason)).toBe("same email ana@gmail.com");
  });

  it("chooses the words for a bulk skip by the lead's status and flag", async () => {
    const pt = await translator("pt-BR");
    expect(phraseWords(pt, "bulk.skip", phrase("already_reviewed", "already approved", { status: "approved" }))).toBe("já aprovado");
    expect(phraseWords(pt, "bulk.skip", phrase("flagged", "flagged: ...", { flag: "email_typo_hint" }))).toBe("com alerta: o e-mail pode ter um erro de digitação");
    expect(phraseWords(pt, "bulk.skip", phrase("flagged", "flagged: ...", { flag: "a_flag_from_later" }))).toBe("com alerta: um alerta para conferir");
  });

  it("keeps the server's English for a code the catalog does not know", async () => {
    const unknown = phrase("new_reason_code", "a reason added on the server later");
    expect(phraseWords(await translator("es"), "duplicateReason", unknown)).toBe("a reason added on the server later");
  });

  it("words an extraction failure and a funnel group that is not data", async () => {
    const es = await translator("es");
    expect(phraseWords(es, "review.failure", phrase("llm_timeout", "the model did not answer within 20000 ms", { ms: 20000 }))).toBe("el modelo no respondió en 20000 ms");
    expect(phraseWords(es, "funnel.groupLabel", phrase("none_owner", "Unassigned"))).toBe("Sin responsable");
    expect(phraseWords(es, "funnel.groupLabel", phrase("as_stored", "Plano Pro"))).toBe("Plano Pro");
  });
});
