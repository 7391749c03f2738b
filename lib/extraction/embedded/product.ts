// Picks the catalog product the prospect is interested in. Each prospect clause
// that mentions a product counts (more in the opening message, with "want/need",
// or "just/only/first"; less as a question or with "maybe"); a product declined
// or deferred later ("no", "later", "vou esperar", "más adelante") is dropped;
// a product the business offered counts when the prospect accepts or carries on
// without declining; the business/private segment breaks ties. Null when
// nothing in the catalog fits.
import { clauses, fold } from "../text";
import type { FieldProposal } from "../types";
import { buildCatalog, firstMentionAt, mention, segmentOfText, type CatalogProduct } from "./product-catalog";
import type { ReadConversation } from "./context";

const DECLINE =
  /^(?:no|nah|nope|nahi|nahin|nao|non|nein|stop|stopp|parar|pare|unsubscribe|cancel|cancelar|sair|baja|abmelden|desabonner)\b|\b(?:no (?:quiero|necesito|gracias|thanks|need|me interesa|hace falta)|not|don['’]?t|nah|nope|nahi|nahin|nao|sem|without|rehne do|on my own|by myself|myself|skip|kein|keine|nicht|pas|non merci|ya no|tampoco|nunca)\b/;
const DEFER =
  /\b(?:later|after(?!\s+(?:a|an|some|the)\s+(?:quote|price|prices|quotation|estimate|info|information|deal|good deal)\b)|afterwards|depois|despues|mas adelante|adelante|vou esperar|esperar|wait|decide|decidir|pensar|think about|next time|another time|spater|plus tard|baad mein|baad me|month end|fin de mes|fim do mes|not now|agora nao|ahora no|outro dia|otro dia)\b/;
const SELECT = /\b(?:just|only|sirf|bas|so|solo|solamente|somente|apenas|nur|seulement|juste|uniquement|mainly|mostly|hauptsachlich|principalmente|surtout|first|primero|primeiro|zuerst|d['’]abord|pehle)\b/;
const DESIRE =
  /\b(?:let['’]?s (?:do|go)|go with|vamos con|vamos com|quero|quiero|want|wanna|need|interested|interesad[oa]|interessad[oa]|necesito|preciso|chahiye|brauche|brauchen|besoin|voudrais|veux|cotizar|orcar|book|reservar)\b/;
const HEDGE = /\b(?:maybe|perhaps|eventuell|vielleicht|talvez|quizas|quiza|peut[- ]etre|shayad|might)\b/;
const CONTRAST = /^(?:but|pero|mas|mais|aber|lekin|par|however|sin embargo|porem|cependant)\b/;
const ACCEPT =
  /^(?:ok|okay|okk|yes|yeah|yh|yep|sure|perfect|great|sounds good|let['’]?s (?:do|go)|go on|go ahead|sim|pode sim|pode|claro|bora|fechado|combinado|si|dale|vale|va|perfecto|de acuerdo|ja|gerne|klar|oui|d['’]accord|haan|ji|theek hai|done|deal)\b/;

interface Stance {
  score: number;
  /** +1 wanted, -1 declined or deferred, 0 unknown; the latest word counts. */
  last: number;
  mentionedByProspect: boolean;
  evidence: { messageId: string; quote: string; weight: number; fromProspect: boolean } | null;
}

const OFFER = 0.6;
const ACCEPTED_OFFER = 1.2;
const SEGMENT = 0.6;
const THRESHOLD = 0.5;

/** A pattern for the given proper names (case-insensitive), to blank them out of clauses; null when none. */
function namesPattern(names: string[]): RegExp | null {
  const alternatives = names.map((name) => name.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+"));
  return alternatives.length > 0 ? new RegExp(alternatives.join("|"), "giu") : null;
}

/** Among products tied on one prospect clause, the first named there; null when the tie spans clauses. */
function firstOfOneClause(tied: Array<[CatalogProduct, Stance]>): FieldProposal<string> | null {
  const evidence = tied[0]![1].evidence;
  if (!evidence?.fromProspect || !tied.every(([, stance]) => stance.evidence?.messageId === evidence.messageId && stance.evidence.quote === evidence.quote)) return null;
  const ordered = tied.map(([product]) => ({ product, at: firstMentionAt(product, evidence.quote) })).sort((a, b) => a.at - b.at);
  if (ordered[0]!.at === ordered[1]!.at) return null;
  return { value: ordered[0]!.product.name, evidence: { messageId: evidence.messageId, quote: evidence.quote }, confidence: 0.5 };
}

export function findProduct(read: ReadConversation, ownNames: string[] = []): FieldProposal<string> | null {
  const catalog = buildCatalog(read.input.products);
  if (catalog.length === 0) return null;
  const stances = new Map<CatalogProduct, Stance>(catalog.map((product) => [product, { score: 0, last: 0, mentionedByProspect: false, evidence: null }]));
  const note = (product: CatalogProduct, weight: number, messageId: string, quote: string, fromProspect: boolean) => {
    const stance = stances.get(product)!;
    stance.score += weight;
    const better = !stance.evidence || (fromProspect && !stance.evidence.fromProspect) || (fromProspect === stance.evidence.fromProspect && weight > stance.evidence.weight);
    if (better) stance.evidence = { messageId, quote, weight, fromProspect };
  };
  // What a business message offers, strongest first; a passing word ("for sunset") is not an offer.
  const offeredIn = (content: string) =>
    catalog
      .map((product) => ({ product, ...mention(product, content) }))
      .filter(({ strength, coverage }) => strength >= 1 && coverage >= 0.6)
      .sort((a, b) => b.strength - a.strength)
      .map(({ product }) => product);

  const ownNamesPattern = namesPattern(ownNames);
  // A business message is read once, however many prospect messages answer it.
  const offers = new Map<string, CatalogProduct[]>();
  const offeredBy = (business: { id: string; content: string }) => {
    let offered = offers.get(business.id);
    if (!offered) offers.set(business.id, (offered = offeredIn(business.content)));
    return offered;
  };
  const credited = new Set<string>();
  read.prospect.forEach(({ message, previousBusiness }, position) => {
    const offered = previousBusiness ? offeredBy(previousBusiness) : [];
    // A business message's offer counts once, however many messages answer it.
    const firstAnswer = previousBusiness !== null && !credited.has(previousBusiness.id);
    const parts = clauses(message.content);
    const mentionedHere = new Set<CatalogProduct>();
    let declinedOffer = false;
    let acceptedOffer = false;
    parts.forEach((part, partIndex) => {
      const folded = fold(part);
      const negative = DECLINE.test(folded) || DEFER.test(folded);
      const unnamed = ownNamesPattern ? part.replace(ownNamesPattern, " ") : part;
      const found = catalog.map((product) => ({ product, ...mention(product, unnamed) })).filter(({ strength }) => strength >= 0.3);
      // "Mantenimiento de paneles": the service is what is bought, the thing it is done to counts less.
      const serviceNamed = found.some(({ service }) => service);
      const mentions = found.map(({ product, strength, service }) => ({ product, strength: serviceNamed && !service ? strength * 0.3 : strength }));
      if (mentions.length === 0) {
        if (negative && partIndex === 0) declinedOffer = true;
        if (!negative && partIndex === 0 && ACCEPT.test(folded)) acceptedOffer = true;
        return;
      }
      let factor = 1;
      if (position === 0) factor *= 1.5;
      if (DESIRE.test(folded)) factor *= 1.5;
      if (SELECT.test(folded)) factor *= 2;
      if (HEDGE.test(folded)) factor *= 0.5;
      if (position > 0 && part.includes("?")) factor *= 0.8;
      // "Sunset cruise sounds nice but ...": what comes before a "but" is being set aside.
      if (CONTRAST.test(fold(parts[partIndex + 1] ?? ""))) factor *= 0.5;
      for (const { product, strength } of mentions) {
        const stance = stances.get(product)!;
        mentionedHere.add(product);
        stance.mentionedByProspect = true;
        if (negative) {
          stance.last = -1;
        } else {
          stance.last = 1;
          note(product, strength * factor, message.id, part, true);
        }
      }
    });
    for (const product of offered) {
      const stance = stances.get(product)!;
      if (mentionedHere.has(product)) continue;
      if (declinedOffer) {
        // A bare "no"/"later" answers the business's push, not what the prospect asked for.
        if (!stance.mentionedByProspect) stance.last = -1;
        continue;
      }
      if (acceptedOffer && product === offered[0]) {
        stance.last = 1;
        note(product, ACCEPTED_OFFER, message.id, message.content.trim(), true);
      } else if (firstAnswer) {
        note(product, OFFER / offered.length, previousBusiness!.id, previousBusiness!.content, false);
      }
    }
    if (previousBusiness) credited.add(previousBusiness.id);
  });

  const segment = segmentOfText(read.prospect.map(({ message }) => message.content).join(" \n "));
  for (const product of catalog) {
    if (segment && product.segment === segment) stances.get(product)!.score += SEGMENT;
  }

  const ranked = [...stances.entries()].filter(([, stance]) => stance.last >= 0 && stance.score >= THRESHOLD).sort((a, b) => b[1].score - a[1].score);
  const best = ranked[0];
  if (!best) return null;
  const [product, stance] = best;
  const runnerUp = ranked[1]?.[1].score ?? 0;
  // Two products equally likely: the conversation does not say which, unless one clause
  // names both ("panels plus battery"), where the first named is the main one.
  if (runnerUp >= stance.score - 1e-9) return firstOfOneClause(ranked.filter(([, other]) => other.score >= stance.score - 1e-9));
  const margin = Math.min(1, (stance.score - runnerUp) / Math.max(stance.score, 1));
  const confidence = Math.min(0.95, 0.45 + 0.15 * Math.min(stance.score, 2) + 0.2 * margin);
  const evidence = stance.evidence ? { messageId: stance.evidence.messageId, quote: stance.evidence.quote } : null;
  return { value: product.name, evidence, confidence };
}
