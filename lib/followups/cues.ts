// Follow-up cues, written folded (lowercase, no accents) like lib/scoring/cues.ts:
// which channel the prospect asked for, a business promise to get back, a
// question, a formal quote request.

const words = (...alternatives: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "u");

export const ASKS_FOR_CALL = words(
  "call me", "call us", "give me a call", "phone me", "ring me", "can you call", "call back", "please call",
  "(?:a|for a|phone|quick) call", "call (?:tomorrow|today|on|at|in|this|next)",
  "llamame", "me llamas", "llamenme", "me puedes llamar", "llamada", "llamar(?:me|nos)", "(?:pueden|puede|podrian|podria) llamar",
  "me liga", "me ligue", "ligue", "liga pra mim", "me ligar", "ligacao", "ligar(?:-me| pra mim| para mim)", "telefonema",
  "ruf mich(?: [\\p{L}\\d ]{0,30})? an", "rufen sie mich(?: [\\p{L}\\d ]{0,30})? an", "anrufen", "anruf",
  "appelez-moi", "rappelez-moi", "appelle-moi", "rappelle-moi", "appelez moi", "rappelez moi", "m'appeler", "me rappeler", "un appel",
  "call kar(?:o|na|iye|na)?", "phone kar(?:o|na)",
);

export const ASKS_FOR_EMAIL = words(
  "e-?mail me", "send (?:it|me|that)(?: [\\p{L} ]{0,20})? (?:by|via|to my) e-?mail", "by e-?mail", "via e-?mail",
  "por (?:correo|e-?mail|mail)", "(?:a|al) mi correo", "manda(?:me)?(?: [\\p{L} ]{0,20})? (?:por|no|pro) e-?mail",
  "no meu e-?mail", "per e-?mail", "per mail", "par e-?mail", "par mail", "mail kar(?:o|na)",
);

/** The business saying it will get back: only then is a time in its own message a follow-up. */
export const BUSINESS_PROMISE = new RegExp(
  [
    "i(?:'ll| will) (?:call|ring|contact|get back|follow up|reach out|text|message|write|send)",
    "we(?:'ll| will) (?:call|ring|contact|get back|follow up|reach out|text|message|write|send)",
    "(?:te|le|lo|la) (?:llamo|llamamos|llamare|escribo|escribimos|contacto|contactamos)",
    "(?:te|lhe|o|a) (?:ligo|ligamos|ligarei|escrevo|chamo|retorno)", "(?:vou|vamos) (?:te )?(?:ligar|retornar|mandar|enviar)",
    "(?:ich|wir) (?:rufe|rufen|melde|melden|schreibe|schreiben)", "ruf(?:e)? (?:sie|dich)(?: [\\p{L}\\d ]{0,30})? an",
    "je vous (?:appelle|rappelle|ecris|recontacte)", "nous vous (?:appelons|rappelons|ecrivons)", "je te (?:rappelle|appelle)",
    "call kar(?:unga|ungi|enge)",
  ].join("|"),
  "u",
);

/** A question without "?": WhatsApp users often skip it. */
export const QUESTION_START = words(
  "how", "what", "when", "where", "which", "who", "why", "can you", "could you", "do you", "does it", "is it", "are you", "is there",
  "como", "cual", "cuanto", "cuando", "donde", "que", "tienen", "tiene", "hacen", "venden", "puedes", "pueden", "hay",
  "quanto", "quando", "onde", "qual", "voces tem", "tem", "fazem", "vendem", "entregam", "pode", "podem", "vcs",
  "wie", "was", "wann", "wo", "welche", "haben sie", "gibt es", "kann", "konnen sie",
  "combien", "comment", "quand", "ou", "quel", "quelle", "est-ce que", "avez-vous", "pouvez-vous",
  "kya", "kab", "kaise", "kitna", "kitne", "kahan",
);

/** A formal quote (a document to prepare), as opposed to "how much?". */
export const FORMAL_QUOTE = words(
  "quote", "quotation", "estimate", "cotizacion", "presupuesto", "orcamento", "cotacao", "angebot", "kostenvoranschlag", "devis",
);
