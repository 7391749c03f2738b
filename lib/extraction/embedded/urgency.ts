// Rates how soon the prospect needs the product: high (urgent words in any of
// the six languages, an emergency the prospect describes — no heat, locked
// out, flooding —, today or tomorrow, within ~3 days), medium (this or next
// week, "next Tuesday", within ~3 weeks), low (no rush, just looking, nothing
// fixed, months away, or no timing at all). A concrete date outweighs vague
// words in the same message ("next month, around the 5th" is the 5th). Negated
// urgency ("nothing urgent", "sem pressa", "pas d'urgence") reads as low, and
// times the prospect merely echoes from the business's offer ("Thursday 4:30
// works") do not count.
import { fold } from "../text";
import type { FieldProposal, UrgencyLevel } from "../types";
import type { ReadConversation } from "./context";
import { daysAhead, localDate } from "./urgency-time";

const NOT_URGENT =
  /\b(?:nothing|not|no|nao|nada|nicht|kein|keine|pas|nahi|koi|rien de)\s+(?:(?:a|an|um|uma|un|una|une|ein|eine|so|that|tan|tao|muy|very|really|e|es|est|ist|hai)\s+)?(?:urgent[e]?|urgencia|urgence|emergency|emergencia|notfall|dringend|eilig|presse|pressa|prisa|rush|hurry|jaldi)\b|\b(?:no|sem|sin|keine|pas de|pas d|without|koi|kein)\s+(?:rush|hurry|pressa|prisa|apuro|urgencia|urgence|eile|presse|jaldi|correria|stress)(?:\s+at all)?\b|\b(?:eilt nicht|rien ne presse|no hay prisa|no corre prisa|no es urgente|nao e urgente|not in a hurry|no tengo prisa|nao tenho pressa|ich habe keine eile|jaldi nahi|jaldi nahin|pas presse|pas pressee)\b/g;

const HIGH =
  /\b(?:urgent|urgente|urgentemente|urgently|urgency|urgencia|con urgencia|com urgencia|urge|asap|as soon as possible|as quick as possible|at the earliest|the sooner the better|o quanto antes|o mais rapido possivel|o mais rapido|o mais breve possivel|lo antes posible|cuanto antes|lo mas pronto posible|lo mas rapido posible|de inmediato|inmediatamente|immediately|right away|straight away|straightaway|at once|right now|emergency|emergencia|sofort|umgehend|unverzuglich|dringend|schnellstmoglich|so schnell wie moglich|so rasch wie moglich|au plus vite|au plus tot|des que possible|le plus tot possible|le plus vite possible|le plus rapidement possible|tout de suite|d urgence|en urgence|de toute urgence|urgence|c est presse|turant|jaldi|jald se jald|jitna jaldi|necesito ya|lo necesito ya|ya mismo|para ya|es para ya|agora mesmo|preciso ja|pra ja|pra ontem|para ontem|so bald wie moglich|baldmoglichst|schnellstens|abhi chahiye|aaj hi|kal tak|today|tonight|tomorrow|tmrw|tmr|tmw|2moro|2morrow|hoje|hj|amanha|amnh|hoy|esta noche|esta noite|heute|heute abend|ubermorgen|aujourd hui|ce soir|demain|aaj|aaj raat|this afternoon|esta tarde|au secours)\b|(?<!\b(?:la|las|esta|cada)\s)\bmanana\b(?!\s+(?:por|en|de) la)|(?<!guten |ab |am |jeden )\bmorgen\b|\bkal\b(?!\s+(?:raat|tha|thi|hua|hui|se\s+(?!(?:\S+\s+){0,2}(?:start|shuru|join|aa|kar|chahiye))))|\bparso\b(?!\s+(?:tha|thi|hua|hui|gaya|gayi))/;

/** Situations that cannot wait, in the prospect's words: no heat or power, locked out, flooding. */
const EMERGENCY =
  /\b(?:no (?:heat|heating|hot water|power|electricity|water|light)|without (?:heat|heating|hot water|power|electricity|water)|sin (?:luz|agua|calefaccion|agua caliente|electricidad)|sem (?:luz|agua|energia|agua quente|aquecimento)|kein (?:warmwasser|strom|licht|wasser)|keine (?:heizung|warmwasser)|pas de (?:chauffage|courant|lumiere)|plus de (?:chauffage|courant|lumiere|electricite|eau chaude)|pas d eau chaude|bijli nahi|paani nahi|locked out|locked my keys|keys (?:locked )?inside|ausgesperrt|schlussel steckt innen|me quede afuera|llaves adentro|fiquei trancad[oa]|tranquei a chave|chave (?:ficou )?dentro|enferme dehors|cle cassee|inonde|inondation|flooding|flooded|inundando|inundado|alagando|alagado|uberschwemmt|wasser lauft|saliendo agua|vazando agua)\b/;

/** A cry for help opening the message: "socorro", "au secours", "Hilfe", "ayuda", "bachao". */
const CRY_FOR_HELP = /^\W*(?:socorro|help|au secours|hilfe|ayuda|bachao)\b/;
/** "... next month, after that": the time named is when something else happens; theirs comes later. */
const AFTER_THAT = /\b(?:after that|after which|uske baad|iske baad|depois disso|despues de eso|despues de esto|danach|apres ca|apres cela)\b/;

const MEDIUM =
  /\b(?:this week|next week|next few days|in a few days|few days|coming days|soon|shortly|esta semana|proxima semana|la semana que viene|la otra semana|semana que vem|semana que viene|essa semana|em breve|en breve|diese woche|nachste woche|nachsten woche|kommende woche|in den nachsten tagen|n[ao]chschti? wuche|bald|zeitnah|cette semaine|la semaine prochaine|dans quelques jours|bientot|is hafte|agle hafte|this month|este mes|diesen monat|ce mois|next month|el mes que viene|el proximo mes|mes que vem|proximo mes|nachsten monat|le mois prochain|agle mahine)\b/;

const LOW =
  /\b(?:later|no rush|just looking|just browsing|only looking|so vendo|to so vendo|estou vendo|solo mirando|viendo opciones|estoy viendo|nada definido|nada fijo|nada fixo|not sure yet|no date yet|nothing fixed|nothing fixed yet|not decided|next year|el ano que viene|el proximo ano|ano que vem|proximo ano|nachstes jahr|l annee prochaine|agle saal|next (?:spring|summer|autumn|fall|winter)|proximo trimestre|next quarter|rien n est encore signe|rien n est encore fixe|rien n est fixe|pas encore decide|noch nichts fest|noch offen|sin fecha|sem data|keine eile|just checking|just asking|solo preguntaba|so pesquisando|mas adelante|mais pra frente|researching|pesquisando|investigando|comparing|comparando|vergleiche|just exploring|sirf dekh raha|bas dekh raha|sirf puch raha|bas puch raha|era para averiguar|solo averiguando|abhi bas rate)\b/;

/** Saying the timing is open ("nothing fixed yet", "just looking") outweighs a vague timeframe. */
const UNDECIDED =
  /\b(?:just looking|just browsing|only looking|so vendo|to so vendo|solo mirando|viendo opciones|estoy viendo|nada definido|nada fijo|nada fixo|not sure yet|no date yet|nothing fixed|not decided|rien n est encore signe|rien n est encore fixe|rien n est fixe|pas encore decide|noch nichts fest|noch offen|sin fecha|sem data|just checking|just asking|solo preguntaba|so pesquisando|researching|pesquisando|comparing|comparando|just exploring|sirf dekh raha|bas dekh raha|abhi bas rate)\b/;

function levelForDays(days: number): UrgencyLevel {
  if (days <= 3) return "high";
  if (days <= 21) return "medium";
  return "low";
}

const RANK: Record<UrgencyLevel, number> = { low: 0, medium: 1, high: 2 };

export function findUrgency(read: ReadConversation): FieldProposal<UrgencyLevel> {
  let level = "low" as UrgencyLevel;
  let evidence: { messageId: string; quote: string } | null = null;
  let explicitLow: { messageId: string; quote: string } | null = null;
  let calmSaid = null as { messageId: string; quote: string } | null;
  const monthFirst = read.input.defaultCountry === "US";
  const raise = (next: UrgencyLevel, messageId: string, quote: string) => {
    if (RANK[next] > RANK[level]) {
      level = next;
      evidence = { messageId, quote };
    }
  };

  const offered = new Map<string, Set<number>>();
  const offeredDaysOf = (business: { id: string; content: string; at: string }): Set<number> => {
    let days = offered.get(business.id);
    if (!days) {
      const times = daysAhead(fold(business.content).replace(/['’]/g, " "), localDate(business.at), monthFirst);
      offered.set(business.id, (days = new Set(times.filter(({ kind }) => kind === "day").map(({ days: ahead }) => ahead))));
    }
    return days;
  };

  for (const { message, previousBusiness } of read.prospect) {
    const folded = fold(message.content).replace(/['’]/g, " ");
    const calm = folded.replace(NOT_URGENT, " ");
    const quote = message.content.trim();
    if (calm !== folded || LOW.test(folded)) explicitLow ??= { messageId: message.id, quote };
    // "no rush" and "nothing fixed yet" outweigh a vague timeframe (never an urgent one).
    if (calm !== folded || UNDECIDED.test(calm)) calmSaid ??= { messageId: message.id, quote };
    if (HIGH.test(calm) || EMERGENCY.test(calm) || CRY_FOR_HELP.test(calm)) raise("high", message.id, quote);
    const sent = localDate(message.at);
    // A day the business offered ("Thursday at 4:30?") and the prospect takes says nothing about their urgency.
    // Read once per business message, however many prospect messages answer it.
    const offeredDays = previousBusiness ? offeredDaysOf(previousBusiness) : new Set<number>();
    const later = AFTER_THAT.test(calm);
    const times = later ? [] : daysAhead(calm, sent, monthFirst).filter(({ days, kind }) => !(kind === "day" && offeredDays.has(days)));
    for (const { days } of times) raise(levelForDays(days), message.id, quote);
    // A concrete day outweighs the vague words beside it ("agle mahine 5 tareekh": the 5th, not "next month").
    if (MEDIUM.test(calm) && !later && !times.some(({ kind }) => kind === "day")) raise("medium", message.id, quote);
  }

  if (level === "medium" && calmSaid) {
    level = "low";
    evidence = calmSaid;
  }
  const confidence = level === "low" ? (explicitLow ? 0.8 : 0.55) : evidence ? 0.8 : 0.5;
  return { value: level, evidence: level === "low" ? explicitLow : evidence, confidence };
}
