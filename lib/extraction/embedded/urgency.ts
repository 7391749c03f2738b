// Rates how soon the prospect needs the product: high (urgent words, today or
// tomorrow, within ~3 days), medium (this or next week, within ~3 weeks), low
// (no rush, just looking, months away, or no timing at all). Negated urgency
// ("nothing urgent", "sem pressa") reads as low, and times the prospect merely
// echoes from the business's offer ("Thursday 4:30 works") do not count.
import { fold } from "../text";
import type { FieldProposal, UrgencyLevel } from "../types";
import type { ReadConversation } from "./context";
import { daysAhead, localDate } from "./urgency-time";

const NOT_URGENT =
  /\b(?:nothing|not|no|nao|nada|nicht|kein|keine|pas|nahi|koi)\s+(?:(?:a|an|um|uma|un|una|une|ein|eine|so|that|tan|tao|muy|very|really|e|es|est|ist|hai)\s+)?(?:urgent[e]?|urgencia|urgence|emergency|emergencia|notfall|dringend|eilig|presse|pressa|prisa|rush|hurry|jaldi)\b|\b(?:no|sem|sin|keine|pas de|without|koi)\s+(?:rush|hurry|pressa|prisa|apuro|urgencia|eile|presse|jaldi)(?:\s+at all)?\b|\b(?:eilt nicht|rien ne presse|no hay prisa|no es urgente|nao e urgente|not in a hurry|jaldi nahi|jaldi nahin)\b/g;

const HIGH =
  /\b(?:urgent|urgente|urgentemente|urgently|urgency|urgencia|asap|as soon as possible|o quanto antes|o mais rapido possivel|o mais rapido|lo antes posible|cuanto antes|lo mas pronto posible|de inmediato|inmediatamente|immediately|right away|right now|emergency|emergencia|sofort|dringend|schnellstmoglich|so schnell wie moglich|au plus vite|des que possible|le plus tot possible|tout de suite|d urgence|urgence|turant|jaldi|jald se jald|necesito ya|lo necesito ya|ya mismo|agora mesmo|preciso ja|pra ontem|para ontem|so bald wie moglich|baldmoglichst|schnellstens|le plus rapidement possible|abhi chahiye|aaj hi|kal tak|today|tonight|tomorrow|hoje|amanha|hoy|esta noche|heute|aujourd hui|ce soir|demain|aaj|this afternoon|esta tarde)\b|(?<!\b(?:la|las|esta|cada)\s)\bmanana\b(?!\s+(?:por|en|de) la)|(?<!guten |ab |am |jeden )\bmorgen\b|\bkal\b(?!\s+(?:raat|se|tha|thi))/;

const MEDIUM =
  /\b(?:this week|next week|next few days|in a few days|few days|coming days|soon|shortly|esta semana|proxima semana|la semana que viene|semana que vem|semana que viene|essa semana|em breve|en breve|diese woche|nachste woche|nachsten woche|in den nachsten tagen|bald|cette semaine|la semaine prochaine|dans quelques jours|bientot|is hafte|agle hafte|this month|este mes|diesen monat|ce mois|next month|el mes que viene|el proximo mes|mes que vem|proximo mes|nachsten monat|le mois prochain|agle mahine)\b/;

const LOW =
  /\b(?:later|no rush|just looking|just browsing|only looking|so vendo|to so vendo|estou vendo|solo mirando|viendo opciones|estoy viendo|nada definido|not sure yet|no date yet|next year|el ano que viene|el proximo ano|ano que vem|proximo ano|nachstes jahr|l annee prochaine|agle saal|next (?:spring|summer|autumn|fall|winter)|proximo trimestre|next quarter|rien n est encore signe|sin fecha|sem data|keine eile|just checking|just asking|solo preguntaba|so pesquisando|mas adelante|mais pra frente|researching|pesquisando|investigando|comparing|comparando|vergleiche|just exploring|sirf dekh raha|bas dekh raha|sirf puch raha|bas puch raha|era para averiguar|solo averiguando)\b/;

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
  const raise = (next: UrgencyLevel, messageId: string, quote: string) => {
    if (RANK[next] > RANK[level]) {
      level = next;
      evidence = { messageId, quote };
    }
  };

  for (const { message, previousBusiness } of read.prospect) {
    const folded = fold(message.content).replace(/['’]/g, " ");
    const calm = folded.replace(NOT_URGENT, " ");
    if (calm !== folded || LOW.test(folded)) explicitLow ??= { messageId: message.id, quote: message.content.trim() };
    if (calm !== folded) calmSaid ??= { messageId: message.id, quote: message.content.trim() };
    const high = calm.match(HIGH);
    if (high) raise("high", message.id, message.content.trim());
    if (MEDIUM.test(calm)) raise("medium", message.id, message.content.trim());
    const sent = localDate(message.at);
    // A day the business offered ("Thursday at 4:30?") and the prospect takes says nothing about their urgency.
    const offeredDays = new Set(
      previousBusiness ? daysAhead(fold(previousBusiness.content), localDate(previousBusiness.at)).filter(({ kind }) => kind === "day").map(({ days }) => days) : [],
    );
    for (const { days, kind } of daysAhead(calm, sent)) {
      if (kind === "day" && offeredDays.has(days)) continue;
      raise(levelForDays(days), message.id, message.content.trim());
    }
  }

  // "Not pressing, from next month": an outright "no rush" outweighs a medium timeframe (never an urgent one).
  if (level === "medium" && calmSaid) {
    level = "low";
    evidence = calmSaid;
  }
  const confidence = level === "low" ? (explicitLow ? 0.8 : 0.55) : evidence ? 0.8 : 0.5;
  return { value: level, evidence: level === "low" ? explicitLow : evidence, confidence };
}
