// The words that reveal buying intent and objections in a prospect's messages,
// in English, Spanish, Portuguese, German, French and Hindi-English (Hinglish).
// Every pattern is written folded (lowercase, accents removed) and is matched
// by text-match.ts; keep each list readable so a reviewer can audit a score.
import type { ObjectionType } from "./vocabulary";

export type BuyingSignalKind = "asks_price" | "gives_contact" | "urgency" | "wants_call_or_visit" | "wants_to_buy";

const words = (...alternatives: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "u");

export const BUYING_SIGNAL_CUES: Record<BuyingSignalKind, RegExp> = {
  asks_price: words(
    "price", "prices", "pricing", "how much", "cost", "costs", "quote", "quotation", "rates?",
    "precio", "precios", "cuanto (?:cuesta|sale|vale|cobran)", "cotizacion", "presupuesto", "tarifa",
    "preco", "precos", "quanto (?:custa|fica|sai|e)", "orcamento", "cotacao", "qual (?:e )?o valor",
    "preis", "preise", "was kostet", "kosten", "angebot",
    "prix", "combien", "devis", "tarifs?",
    "kitn[ae] (?:ka|ki|ke)", "kitne (?:me|mein)", "price kya", "rate kya", "daam",
  ),
  gives_contact: words(
    "[\\w.+-]+@[\\w-]+\\.[\\w.]+", "\\+\\d[\\d\\s().-]{7,}\\d", "\\d{8,}", "\\(?\\d{2,3}\\)?[\\s.-]?\\d{4,5}[\\s.-]?\\d{4}",
    "my (?:number|email|phone) is", "mi (?:numero|correo|telefono) es", "meu (?:numero|email|e-mail|telefone) e",
    "meine (?:nummer|e-mail|telefonnummer) ist", "mon (?:numero|email|e-mail) est", "mera (?:number|email) hai",
  ),
  urgency: words(
    "urgent", "urgently", "asap", "as soon as possible", "right away", "right now", "immediately", "today", "this week",
    "urgente", "hoy", "ahora mismo", "lo antes posible", "cuanto antes", "esta semana",
    "hoje", "agora", "o quanto antes", "o mais rapido possivel", "essa semana", "esta semana",
    "dringend", "sofort", "heute", "so schnell wie moglich", "diese woche",
    "aujourd['’]hui", "tout de suite", "au plus vite", "des que possible", "cette semaine",
    "jaldi", "abhi", "turant", "aaj",
  ),
  wants_call_or_visit: words(
    "call me", "can you call", "give me a call", "phone call", "visit", "demo", "meeting", "appointment",
    "llamame", "me llamas", "llamada", "visita", "reunion", "cita",
    "me liga", "liga pra mim", "ligue", "ligar", "ligacao", "reuniao", "agendar",
    "ruf mich", "anrufen", "anruf", "termin", "besuch", "vorbeikommen",
    "appelez", "rappelez", "appelle[rz]?", "rendez-vous", "visite",
    "call kar(?:o|na|ein|enge)?", "phone kar(?:o|na)", "milte hain", "mil(?:na|ne) hai",
  ),
  wants_to_buy: words(
    "i want to buy", "i(?:'d| would) like to (?:buy|order)", "ready to buy", "i'?ll take it", "where do i pay", "sign me up",
    "quiero comprar", "lo quiero", "me interesa", "como pago", "quiero contratar",
    "quero comprar", "tenho interesse", "quero fechar", "como (?:eu )?pago", "vou querer",
    "ich mochte (?:kaufen|bestellen)", "ich will (?:kaufen|bestellen)", "ich nehme es",
    "je veux (?:acheter|commander)", "je (?:le|la) prends", "je suis interesse",
    "lena hai", "chahiye", "kharidna hai", "book kar do",
  ),
};

/** "Not urgent", "agora não": an urgency word that is negated (or says "not now") does not count. */
export const NEGATED_URGENCY = words(
  "not urgent", "no rush", "no hurry", "no es urgente", "sin prisa", "nao e urgente", "sem pressa",
  "nicht dringend", "keine eile", "pas urgent", "pas presse", "jaldi nahi",
  "not (?:right )?now", "ahora no", "agora nao", "nicht jetzt", "pas maintenant", "abhi nahi",
);

export type ObjectionCue = Exclude<ObjectionType, "none">;

export const OBJECTION_CUES: Record<ObjectionCue, RegExp> = {
  price: words(
    "too expensive", "expensive", "too much", "cheaper", "discount", "out of (?:my|our) budget", "can'?t afford",
    "caro", "muy caro", "descuento", "mas barato", "fuera de (?:mi|nuestro) presupuesto",
    "caro demais", "muito caro", "desconto", "mais barato", "salgado",
    "teuer", "zu teuer", "rabatt", "billiger",
    "cher", "trop cher", "remise", "reduction", "moins cher",
    "mehenga", "mahanga", "bahut zyada", "discount milega",
  ),
  timing: words(
    "not now", "not right now", "next year", "next month", "later", "maybe later", "not the right time", "not yet",
    "ahora no", "ahorita no", "el ano que viene", "el proximo ano", "el mes que viene", "mas adelante", "mas tarde", "todavia no",
    "agora nao", "ano que vem", "proximo ano", "mes que vem", "mais tarde", "mais pra frente", "ainda nao",
    "nicht jetzt", "nachstes jahr", "nachsten monat", "spater", "noch nicht",
    "pas maintenant", "l['’]annee prochaine", "le mois prochain", "plus tard", "pas encore",
    "baad mein", "abhi nahi", "agle saal", "agle mahine",
  ),
  trust: words(
    "reliable", "reviews?", "scam", "legit", "guarantee", "warranty", "trust you", "is it safe",
    "confiable", "resenas", "opiniones", "garantia", "estafa", "es seguro",
    "confiavel", "avaliacoes", "golpe", "e seguro", "reclame aqui",
    "serios", "bewertungen", "garantie", "vertrauen",
    "fiable", "avis", "arnaque", "confiance",
    "bharosa", "fraud", "guarantee hai",
  ),
  authority: words(
    "ask my (?:boss|wife|husband|partner|manager|team)", "check with my (?:boss|wife|husband|partner|manager|team)",
    "talk to my (?:boss|wife|husband|partner|manager)", "not my decision",
    "(?:consultar|hablar|preguntar)(?:lo)? con mi (?:jefe|esposa|esposo|marido|socio|pareja)", "preguntar(?:le)? a mi (?:jefe|esposa|esposo|marido|socio)",
    "(?:perguntar|falar|ver) (?:com|pro|para o|pra) (?:o )?(?:meu|minha) (?:chefe|esposa|marido|socio|mulher)",
    "(?:perguntar|falar|ver) com (?:a )?minha (?:esposa|mulher|socia|chefe)",
    "mit meine[mr]? (?:chef|frau|mann|partner|partnerin) (?:sprechen|besprechen|reden)", "meine frau fragen", "meinen chef fragen",
    "demander a (?:mon|ma) (?:patron|femme|mari|associe|chef)", "en parler a (?:mon|ma) (?:patron|femme|mari|associe|chef)",
    "boss se (?:puch|baat)", "wife se (?:puch|baat)", "ghar (?:pe|par) puch",
  ),
  need: words(
    "(?:don'?t|do not) need", "not interested", "no need",
    "no (?:lo )?necesito", "no me interesa",
    "nao preciso", "nao tenho interesse",
    "brauche (?:ich|es) nicht", "kein interesse",
    "pas besoin", "pas interesse",
    "zarurat nahi", "nahi chahiye",
  ),
  competitor: words(
    "another quote", "other quotes?", "another company", "other company", "competitor", "cheaper elsewhere", "comparing",
    "otra cotizacion", "otro presupuesto", "otra empresa", "la competencia", "comparando",
    "outro orcamento", "outra empresa", "concorrente", "concorrencia", "comparando",
    "anderes angebot", "andere firma", "konkurrenz", "vergleichen",
    "autre devis", "autre entreprise", "concurrent", "concurrence", "comparer",
    "dusri company", "doosri company", "aur quote",
  ),
};

/** A regex for the workspace's own competitor names ("Acme", "Globex"), or null when it has none. */
export function competitorNameCue(names: readonly string[]): RegExp | null {
  const cleaned = names
    .map((name) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim())
    .filter((name) => name.length > 1)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return cleaned.length === 0 ? null : words(...cleaned);
}
