// Picks the catalog product the prospect is interested in. Each prospect clause
// that mentions a product counts (more in the opening message, with "want/need",
// or "just/only/first"; less as a question or with "maybe"); a product declined,
// deferred or found too expensive later ("no", "later", "vou esperar", "trop
// cher") is dropped, but only when the clause names it distinctly (a "no" about
// "the pool" is not about "Green Pool Rescue"); a product the business offered
// counts when the prospect accepts or carries on without declining, and fully
// when it names the need the prospect described in their own words; when the
// business says it does not sell what was asked, what the prospect asked does
// not fit the catalog partly; "the normal one" picks the plain variant among
// those offered; the business/private segment breaks ties. Null when nothing
// in the catalog fits.
import { blankPhrases, phraseWords } from "../phrase-search";
import { clauses, fold } from "../text";
import type { FieldProposal } from "../types";
import { BROKEN_PHRASES, buildCatalog, firstMentionAt, mention, numberedIn, segmentOfText, textWords, writtenForms, type CatalogProduct, type Mention } from "./product-catalog";
import type { ReadConversation } from "./context";

// A refusal: a reply opening with "no", or words that turn a product down ("don't need", "sem", "ohne",
// "pas besoin"). A negation describing the problem ("lädt nicht mehr", "no enfría") is not a refusal.
const DECLINE =
  /^(?:no|nah|nope|nahi|nahin|nao|non|nein|stop|stopp|parar|pare|unsubscribe|cancel|cancelar|sair|baja|abmelden|desabonner)\b|\b(?:no (?:quiero|necesito|gracias|thanks|need|me interesa|hace falta)|(?:don['’]?t|do not|doesn['’]?t|not|no longer) (?:want|need|interested|required|necessary|for now|now|anymore|this time)|(?:nao|não) (?:quero|preciso|precisa|obrigad[oa]|tenho interesse|agora)|nicht (?:notig|nötig|interessiert|mehr notig|mehr nötig|jetzt)|kein(?:e|en)? (?:interesse|bedarf)|pas (?:besoin|interesse|intéressé|maintenant|pour l['’]instant)|nahi chahiye|nahin chahiye|zarurat nahi|nah|nope|sem|sin|without|ohne|sans|rehne do|on my own|by myself|myself|skip|non merci|ya no|tampoco|nunca)\b/;
const DEFER =
  /\b(?:later|after\s*$|after (?:next|the (?:holidays|summer|winter|weekend|move)|easter|christmas|diwali|carnival|new year)\b|afterwards|depois|despues|mas adelante|adelante|vou esperar|esperar|wait|decide|decidir|pensar|think about|next time|another time|autre fois|spater|plus tard|baad mein|baad me|month end|fin de mes|fim do mes|not now|agora nao|ahora no|outro dia|otro dia)\b/;
/** An objection to the price: "Kashmir thoda mehenga hai", "la croisière c'est trop cher", "Europa tá salgado". */
const TOO_EXPENSIVE =
  /\b(?:too expensive|expensive|pricey|out of (?:my|our) budget|mehenga|mehnga|mahenga|caro|cara|muy caro|caro demais|muito caro|ta salgado|salgado|trop cher|trop chere|zu teuer|teuer|no da|nao da|no me alcanza)\b/;
const SELECT = /\b(?:just|only|sirf|bas|so|solo|solamente|somente|apenas|nur|seulement|juste|uniquement|mainly|mostly|hauptsachlich|principalmente|surtout|first|primero|primeiro|zuerst|d['’]abord|pehle|final|wahi|entonces|then|alors|dann)\b/;
const DESIRE =
  /\b(?:let['’]?s (?:do|go)|go with|mochte|mochten|hatte gern|wurde gern|gostaria|quisiera|queria|aimerais|souhaite|would like|i d like|vamos con|vamos com|vou de|voy con|vou ficar com|me quedo con|quero|quiero|want|wanna|need|interested|interesad[oa]|interessad[oa]|necesito|preciso|chahiye|brauche|brauchen|besoin|voudrais|veux|cotizar|orcar|book|reservar|le leti|le leta|le lunga|le lungi|nehm|nehme|on part sur|je vais prendre|me hago)\b/;
const HEDGE = /\b(?:maybe|perhaps|eventuell|vielleicht|talvez|quizas|quiza|peut[- ]etre|shayad|might)\b/;
const CONTRAST = /^(?:but|pero|mas|mais|aber|lekin|par|however|sin embargo|porem|cependant)\b/;
const ACCEPT =
  /^(?:ok|okay|okk|yes|yeah|yh|yep|sure|perfect|great|sounds good|let['’]?s (?:do|go)|go on|go ahead|sim|pode sim|pode|claro|bora|fechado|combinado|si|dale|vale|va|perfecto|de acuerdo|ja|gerne|klar|oui|d['’]accord|haan|ji|theek hai|done|deal|the (?:\w+ )?one)\b/;
/** Closing a topic without buying: "no worries, thanks anyway", "que pena", "dommage", "schade", "koi baat nahi". */
const CLOSING =
  /\b(?:no worries|thanks anyway|thank you anyway|never mind|nevermind|que pena|que lastima|no pasa nada|tudo bem obrigad|dommage|merci quand meme|schade|danke trotzdem|koi baat nahi|koi nahi|oh achha|era so isso|era solo eso)\b/;
/** "The normal one", "el de siempre", "o normal": the plain variant among those offered. */
const PLAIN_VARIANT = /\b(?:normal|regular|standard|basic|basico|basica|simple|simples|classic|classico|clasico|classique|normale|normalen|einfache|einfachen|sencillo|comum|comun)\b/;
/** The business saying it does not sell what was asked; the items it lists are alternatives, not a recommendation. */
const NOT_SOLD =
  /\b(?:(?:we|i) (?:don t|do not|dont) (?:offer|sell|do|have|carry|provide|work with)|(?:we|i) only (?:do|sell|offer)|no (?:trabajamos|vendemos|ofrecemos|hacemos|manejamos|tenemos|contamos)|solo (?:hacemos|vendemos|ofrecemos)|nao (?:trabalhamos|vendemos|oferecemos|fazemos|temos)|so (?:fazemos|vendemos|trabalhamos)|leider (?:nein|nicht|keine)|bieten (?:wir )?(?:leider )?(?:keine|nicht|nur)|nous ne (?:faisons|proposons|vendons|faisons) pas|ne (?:faisons|proposons|vendons) pas|nahi karte|nahin karte|sirf [^.!?]{0,80} karte hain)\b/;

/** A reply that moves on to another option ("y el de coche?", "and for a van?"): the offer it answers is not taken. */
const MOVES_ON = /^(?:and|y|e|et|und|aur|what about|how about|and for)\b[^?]*\?\s*$/;

/** Weight of a business offer the prospect goes along with, and of one that names the need they described themselves. */
const OFFER = 0.6;
const OFFER_FOR_DESCRIBED_NEED = 2.0;
const ACCEPTED_OFFER = 1.2;
/** The prospect has described their need in their own words while no product was named this clearly. */
const DESCRIBED_NEED_BELOW = 0.6;
const SEGMENT = 0.6;
const THRESHOLD = 0.5;
/** A mention at least this strong names a product distinctly (a word only it has). */
const DISTINCT = 0.5;

interface Note {
  weight: number;
  /** Position of the prospect message in the conversation. */
  index: number;
  /** The product was matched only in part (a shared word): a business's "we don't sell that" voids it. */
  partial: boolean;
}

interface Stance {
  score: number;
  notes: Note[];
  /** +1 wanted, -1 declined or deferred, 0 unknown; the latest word counts. */
  last: number;
  mentionedByProspect: boolean;
  evidence: { messageId: string; quote: string; weight: number; fromProspect: boolean } | null;
}

/** Among products tied on one prospect clause, the first named there; null when the tie spans clauses. */
function firstOfOneClause(tied: Array<[CatalogProduct, Stance]>): FieldProposal<string> | null {
  const evidence = tied[0]![1].evidence;
  if (!evidence?.fromProspect || !tied.every(([, stance]) => stance.evidence?.messageId === evidence.messageId && stance.evidence.quote === evidence.quote)) return null;
  const words = textWords(evidence.quote);
  const ordered = tied.map(([product]) => ({ product, at: firstMentionAt(product, words) })).sort((a, b) => a.at - b.at);
  if (ordered[0]!.at === ordered[1]!.at) return null;
  return { value: ordered[0]!.product.name, evidence: { messageId: evidence.messageId, quote: evidence.quote }, confidence: 0.5 };
}

export function findProduct(read: ReadConversation, ownNames: string[] = [], synonyms: Record<string, string[]> = {}): FieldProposal<string> | null {
  const catalog = buildCatalog(read.input.products, synonyms);
  if (catalog.length === 0) return null;
  const stances = new Map<CatalogProduct, Stance>(catalog.map((product) => [product, { score: 0, notes: [], last: 0, mentionedByProspect: false, evidence: null }]));
  const note = (product: CatalogProduct, weight: number, index: number, messageId: string, quote: string, fromProspect: boolean, partial = false) => {
    const stance = stances.get(product)!;
    stance.score += weight;
    stance.notes.push({ weight, index, partial });
    const better = !stance.evidence || (fromProspect && !stance.evidence.fromProspect) || (fromProspect === stance.evidence.fromProspect && weight > stance.evidence.weight);
    if (better) stance.evidence = { messageId, quote, weight, fromProspect };
  };
  // What a business message offers, in the order it names them; a passing word ("for sunset") is not an offer,
  // and nothing is offered by "we don't sell that, we have A, B and C".
  const offers = new Map<string, { offered: CatalogProduct[]; notSold: boolean }>();
  const offeredBy = (business: { id: string; content: string }) => {
    let reading = offers.get(business.id);
    if (!reading) {
      const written = writtenForms(business.content);
      const notSold = NOT_SOLD.test(fold(business.content).replace(/['’]/g, " "));
      // Only an offered product's position is read (it orders the offer).
      const named = notSold ? [] : catalog.filter((product) => {
        const { strength, coverage } = mention(product, written);
        return strength >= 1 && coverage >= 0.6;
      });
      const words = named.length > 1 ? textWords(business.content) : [];
      const offered = named
        .map((product) => ({ product, at: named.length > 1 ? firstMentionAt(product, words) : 0 }))
        .sort((a, b) => a.at - b.at)
        .map(({ product }) => product);
      offers.set(business.id, (reading = { offered, notSold }));
    }
    return reading;
  };
  const ownNameWords = phraseWords(ownNames);
  const credited = new Set<string>();
  // The strongest distinct mention the prospect has made so far: an offer after only vague words names their need.
  let strongestOwn = 0;
  // Every product a business message has offered so far ("300, 600 or 1 Giga?" earlier, "o de 600" now).
  const offeredSoFar = new Set<CatalogProduct>();

  read.prospect.forEach(({ message, index, previousBusiness }, position) => {
    const business = previousBusiness ? offeredBy(previousBusiness) : { offered: [], notSold: false };
    if (business.notSold && !credited.has(previousBusiness!.id)) {
      // "We don't offer pet insurance": the prospect's partial matches ("insurance") do not fit the catalog.
      for (const stance of stances.values()) {
        const voided = stance.notes.filter((item) => item.partial && item.index < index);
        stance.score -= voided.reduce((sum, item) => sum + item.weight, 0);
        stance.notes = stance.notes.filter((item) => !voided.includes(item));
        if (voided.length > 0 && stance.notes.length === 0) stance.evidence = null;
      }
    }
    const offered = business.offered;
    for (const product of offered) offeredSoFar.add(product);
    // A business message's offer counts once, however many messages answer it.
    const firstAnswer = previousBusiness !== null && !credited.has(previousBusiness.id);
    const parts = clauses(message.content);
    const mentionedHere = new Set<CatalogProduct>();
    let declinedOffer = false;
    const movesOn = MOVES_ON.test(fold(message.content));
    let acceptedOffer: CatalogProduct | null = null;
    parts.forEach((part, partIndex) => {
      const folded = fold(part);
      // Read only when it decides something: most clauses name no product and answer no offer.
      let negativeRead: boolean | undefined;
      const negative = () => (negativeRead ??= DECLINE.test(folded.replace(BROKEN_PHRASES, " ")) || DEFER.test(folded) || TOO_EXPENSIVE.test(folded) || CLOSING.test(folded));
      const written = writtenForms(blankPhrases(part, ownNameWords));
      const found: Array<{ product: CatalogProduct } & Mention> = [];
      for (const product of catalog) {
        const mentioned = mention(product, written);
        if (mentioned.strength >= 0.3) found.push({ product, ...mentioned });
      }
      const numbered = found.length === 0 ? numberedIn(written, [...offeredSoFar], catalog) : null;
      if (numbered) found.push({ product: numbered, strength: 1, coverage: 1, service: false, inferred: false });
      // "Mantenimiento de paneles": the service is what is bought, the thing it is done to counts less.
      const serviceNamed = found.some(({ service }) => service);
      const mentions = found.map(({ product, strength, coverage, service, inferred }) => ({ product, coverage, inferred, strength: serviceNamed && !service ? strength * 0.3 : strength }));
      if (mentions.length === 0) {
        // Only the first reply to an offer can turn it down with a bare "no" ("es eilt nicht" later is no refusal).
        if (partIndex === 0 && firstAnswer && negative()) declinedOffer = true;
        if (partIndex === 0 && offered.length > 0 && !negative() && (ACCEPT.test(folded) || PLAIN_VARIANT.test(folded))) {
          // "Vale, el normal": the plain variant (fewest words) among those offered; otherwise the first offered.
          acceptedOffer = PLAIN_VARIANT.test(folded) ? [...offered].sort((a, b) => a.words.length - b.words.length)[0]! : offered[0]!;
        }
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
      for (const { product, strength, coverage, inferred } of mentions) {
        const stance = stances.get(product)!;
        mentionedHere.add(product);
        stance.mentionedByProspect = true;
        if (negative()) {
          // Only a distinct mention is declined: "no, it's the park's pool" says nothing about "Green Pool Rescue".
          if (strength >= DISTINCT) stance.last = -1;
        } else {
          stance.last = 1;
          // An inferred repair does not name the need: the business's recommendation still does.
          if (!inferred) strongestOwn = Math.max(strongestOwn, strength);
          note(product, strength * factor, index, message.id, part, true, coverage < 1);
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
      if (acceptedOffer === product) {
        stance.last = 1;
        note(product, ACCEPTED_OFFER, index, message.id, message.content.trim(), true);
      } else if (firstAnswer && !movesOn) {
        // One item recommended for a need the prospect described in their own words names that need.
        const weight = offered.length === 1 && strongestOwn < DESCRIBED_NEED_BELOW ? OFFER_FOR_DESCRIBED_NEED : OFFER / offered.length;
        note(product, weight, index, previousBusiness!.id, previousBusiness!.content, false);
      }
    }
    if (previousBusiness) credited.add(previousBusiness.id);
  });

  const segment = segmentOfText(read.prospect.map(({ message }) => message.content));
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
