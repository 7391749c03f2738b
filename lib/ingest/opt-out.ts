// Recognizes a prospect asking not to be messaged again: a message that is,
// as a whole, one of the usual stop words in the languages our customers'
// prospects write in. Case-, accent- and punctuation-insensitive; a sentence
// that merely contains "stop" ("don't stop sending offers") is not an opt-out.
// Pure; the storing edge records an OptOut row.

const STOP_PHRASES = [
  // English
  "stop", "stop all", "stop please", "please stop", "unsubscribe", "cancel", "end", "quit", "opt out", "optout", "stop messages",
  // Portuguese
  "parar", "pare", "sair", "cancelar", "descadastrar", "nao quero mais", "nao me mande mais mensagens",
  // Spanish
  "baja", "alto", "darme de baja", "dar de baja", "cancelar suscripcion", "no mas mensajes",
  // German
  "stopp", "abmelden", "abbestellen",
  // French
  "arreter", "arret", "desabonner", "desinscrire", "se desabonner",
  // Italian
  "basta", "disiscrivimi",
  // Hindi-English (romanized)
  "band karo", "band kar do", "bandh karo", "mat bhejo", "message mat bhejo", "messages mat bhejo",
];

const STOP_SET = new Set(STOP_PHRASES);

/** Lowercase, accents removed, punctuation and emoji dropped, whitespace collapsed. */
export function normalizeForOptOut(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when the whole message asks to stop receiving messages. */
export function isOptOutMessage(text: string): boolean {
  return STOP_SET.has(normalizeForOptOut(text));
}
