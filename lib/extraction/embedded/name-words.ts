// The words the name rules need, in the supported languages (pt, es, en,
// hi-en, de, fr): surname particles, titles, words that are never a person's
// name (stopwords-iso's lists plus chat words and dates), the words for jobs,
// roles and relatives ("the manager", "Tischler", "sa maman") that follow
// "I am" without being a name, and how a business asks for a name, a surname or
// a first name. Compiled once at load.
import stopwordsIso from "stopwords-iso/stopwords-iso.json";
import { fold } from "../text";

export const PARTICLES = new Set(["de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "ter", "bin", "binti", "al", "e", "y"]);

export const TITLES = /^(?:mr|mrs|ms|miss|dr|sr|sra|srta|dona|don|herr|herrn|frau|madame|monsieur|mme|mlle|m|shri|smt|sri|prof|ing|lic|arq|eng|engo|sir|madam|maam)\.?$/i;

/** Common first names that are also stopwords somewhere: still names when capitalized. */
const NAME_STOPWORDS = new Set(["will", "bill", "may", "don", "mark", "rose", "grace", "hope", "sol", "luz", "paz", "ana", "eva", "le", "dale", "vale", "dan", "jo", "ed", "ali", "mia"]);

/** Chat words, greetings, dates and Hinglish words that stopword lists do not hold. */
const CHAT_WORDS = (
  "i im me my mine soy sou yo eu ich je moi ok okay okk sure yeah yh yep nope hi hii hiii hey hello hola oi ola ciao hallo moin servus gruezi salut bonjour bonsoir coucou namaste " +
  "thanks thank thx ty please pls plz sorry fine good great perfect nice cool alright interested looking tmrw tmr tomorrow today tonight asap urgent urgente svp stp bitte danke merci gracias obrigado obrigada " +
  "sim nao claro vale dale bueno buenas buenos tudo bem beleza combinado fechado listo pronto certo perfecto perfeito ja jo nein oui non si haan han ji nahi nahin theek thik accha acha " +
  "bhai sahab didi bhaiya guten tag cliente client kunde interesada interesado interessada interessado buscando procurando querendo quero quiero necesito preciso " +
  "monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december " +
  "lunes martes miercoles jueves viernes sabado domingo segunda terca quarta quinta sexta montag dienstag mittwoch donnerstag freitag samstag sonntag " +
  "lundi mardi mercredi jeudi vendredi samedi dimanche amanha manana morgen demain heute hoje hoy aujourd kal aaj parso abhi " +
  "hai hain hoon hu hun mera meri mere mujhe humein hum aap aapka kya kab kaise kitna kitne chahiye karna karwana sakte sakta sakti bhi aur " +
  "morning afternoon evening night tarde noite noche abend soir matin subah shaam raat week semana woche semaine hafte mahina month mes monat mois"
).split(" ");

const STOPWORDS = new Set(
  [...(["en", "pt", "es", "de", "fr"] as const).flatMap((language) => (stopwordsIso as Record<string, string[]>)[language] ?? []), ...CHAT_WORDS]
    .map((word) => fold(word).replace(/['’]/g, ""))
    .filter((word) => !NAME_STOPWORDS.has(word)),
);

/** True when a folded word is never part of a person's name ("amanha", "possible", "someone", "bahut"). */
export function isCommonWord(folded: string): boolean {
  return STOPWORDS.has(folded.includes("'") || folded.includes("’") ? folded.replace(/['’]/g, "") : folded);
}

/** True when a folded word is a common word written in lowercase, though capitalized it is a name ("dale" / "Dale", "will" / "Will"). */
export function isCommonLowercaseWord(folded: string): boolean {
  return NAME_STOPWORDS.has(folded);
}

/**
 * Jobs, roles, trades and relatives, folded. "Ich bin Tischler", "I'm the store manager",
 * "soy la encargada", "main uski mummy hoon" say what the person is, not who.
 */
const ROLE_WORDS = new Set(
  (
    // English
    "manager owner director ceo cfo coo founder cofounder partner assistant secretary receptionist accountant engineer electrician plumber carpenter " +
    "builder contractor landlord landlady tenant architect doctor nurse teacher tutor lawyer solicitor attorney consultant mechanic driver chef cook baker " +
    "florist student admin administrator coordinator supervisor officer clerk proprietor intern employee staff agent broker realtor dentist vet " +
    "father mother dad mum mom mummy daddy son daughter husband wife fiance fiancee brother sister uncle aunt aunty auntie friend neighbour neighbor " +
    "colleague boss patient customer grandmother grandfather grandma grandpa nan nana granny parent guardian " +
    // Portuguese
    "gerente dono dona proprietario proprietaria socio socia diretor diretora secretaria recepcionista contador contadora engenheiro engenheira eletricista " +
    "encanador pedreiro arquiteto arquiteta medico medica dentista advogado advogada professor professora estudante sindico sindica motorista mecanico " +
    "cozinheiro cozinheira padeiro padeira vendedor vendedora comprador compradora assistente analista coordenador coordenadora supervisora responsavel " +
    "funcionario funcionaria mae pai filho filha esposa marido noivo noiva irmao irma avo tio tia amigo amiga vizinho vizinha chefe " +
    // Spanish
    "dueno duena encargado encargada administradora director directora contadora ingeniero ingeniera electricista plomero fontanero albanil arquitecto " +
    "doctora abogado abogada licenciado licenciada profesora chofer mecanica cocinero cocinera panadero panadera empleado empleada jefe jefa coordinadora " +
    "madre padre mama papa hijo hija esposo novio novia hermano hermana abuelo abuela tia vecino vecina suegra suegro " +
    // German
    "inhaber inhaberin geschaftsfuhrer geschaftsfuhrerin chefin leiter leiterin assistentin assistent sekretarin sekretar buchhalter buchhalterin ingenieur " +
    "ingenieurin elektriker elektrikerin installateur klempner tischler tischlerin schreiner schreinerin maler malerin maurer architekt architektin arzt " +
    "arztin zahnarzt zahnarztin anwalt anwaltin lehrer lehrerin studentin fahrer mechaniker backer backerin verkaufer verkauferin einkaufer einkauferin " +
    "hausverwalter hausverwalterin verwalter verwalterin vermieter vermieterin mieter mieterin kundin mutter vater sohn tochter verlobte verlobter bruder " +
    "schwester oma opa nachbar nachbarin kollege kollegin " +
    // French
    "gerant gerante patron patronne directeur directrice assistante secretaire comptable ingenieure electricien electricienne plombier menuisier carrossier " +
    "macon architecte medecin docteur avocat avocate professeure etudiant etudiante chauffeur mecanicien mecanicienne cuisinier cuisiniere boulanger " +
    "boulangere vendeur vendeuse acheteur acheteuse preparatrice preparateur gouvernante employe employee cliente mere pere maman fils fille femme " +
    "frere soeur grand-mere grand-pere voisin voisine collegue " +
    // Hindi-English
    "malik maalik beta beti pati patni bhabhi chacha chachi mama mami nani dadi papa mummyji"
  ).split(" "),
);

/** True when a folded word says what someone is (a job, a role, a relative), not who. */
export function isRoleWord(folded: string): boolean {
  return ROLE_WORDS.has(folded);
}

/** Possessives and articles that put a role before a name: "the", "la", "sa", "his", "uski", "meine". */
export const ROLE_LEADS = new Set(
  "the a an his her their my our o a os as um uma seu sua meu minha el la los las un una su mi le les l un une sa son ses mon ma der die das den dem ein eine einer mein meine sein seine ihr ihre unser unsere uska uski unka unki mera meri".split(
    " ",
  ),
);

// A business asking the person's name; the phrases that name a company's or a child's
// name are removed first ("company name?", "nome da empresa", "bachche ka naam").
const OTHER_NAMES =
  /\b(?:company|business|shop|store|firm|practice|brand|bakery|restaurant|clinic|hotel|empresa|negocio|loja|tienda|comercio|local|firma|unternehmen|praxis|geschaft|laden|societe|entreprise|commerce|boutique|dukaan|dukan|school|escola|escuela|son|daughter|child|kid|baby|pet|dog|cat|patient|filh[oa]|crianca|hij[oa]|nin[oa]|mascota|perro|sohn|tochter|kind|hund|fils|fille|enfant|chien|bachche|bachhe|beta|beti)(?:['’]?s)?\s+(?:ka\s+|ki\s+)?(?:name|nome|nombre|naam|nom|namen)\b|\b(?:name|nome|nombre|nom|naam|namen)\s+(?:of|da|do|de|del|der|des|du|von)\s+(?:(?:the|your|sua|seu|su|tu|votre|ihrer|ihres|la|el|le|l)\s+)?(?:company|business|empresa|negocio|loja|tienda|firma|unternehmens?|societe|entreprise|shop|store|praxis|commerce|local|escritorio|son|daughter|child|filho|filha|hijo|hija|fils|fille|enfant|pet|dog|cat)\b|\bcomo se (?:llama|chama) (?:su|tu|a|o|sua|seu) (?:sua |seu )?(?:negocio|empresa|local|tienda|loja)\b|\bwie heisst (?:ihr|ihre|die|das|eure) (?:firma|praxis|unternehmen|geschaft|laden)\b|\bcomment s appelle (?:votre|la|ton|ta) (?:societe|entreprise|commerce|boutique)\b/g;

const SURNAME_QUESTION =
  /\b(?:surname|last name|family name|sobrenome|apellidos?|nachname|nachnamen|nom de famille|full name|nome completo|nombre completo|vollstandiger name|vollstandigen namen|nom complet|poora naam|pura naam|nombre y apellido|nome e sobrenome)\b/;
const FIRST_NAME_QUESTION = /\b(?:first name|given name|primeiro nome|nombre de pila|vorname|vornamen|prenom)\b/;
const NAME_QUESTION =
  /\b(?:your (?:full )?name|name please|may i (?:have|take|know|get) your|can i (?:have|take|get) your (?:full )?name|who am i (?:speaking|talking|chatting) (?:with|to)|whom am i (?:speaking|talking|chatting) (?:with|to)|who is this|who(?: s| is) the contact|com quem (?:eu )?falo|quem fala|con quien (?:hablo|tengo el gusto)|quien (?:habla|me escribe)|qual (?:e )?(?:o )?(?:seu |teu )?nome|seu nome|teu nome|cual es (?:tu|su) nombre|tu nombre|su nombre|como te llamas|como se llama usted|a nombre de quien|ihr name|ihren namen|dein name|deinen namen|wie (?:heissen|heisst) (?:sie|du|ihr)|mit wem (?:spreche|schreibe) ich|votre nom|ton nom|comment vous appelez|comment tu t appelles|vous etes|qui est (?:mon|votre) interlocuteur|(?<!\b(?:ka|ki|ke)\s)(?:aapka|apna|tumhara|aap ka) naam|naam (?:bata|batayein|bataiye|batao|please|pls)|a name for|name for the (?:booking|reservation|order|appointment)|nome para (?:a )?reserva|nombre para la reserva|como (?:voce|vc) se chama|como (?:posso )?te chamar|como se chama|como te chamas|a quel nom|au nom de qui|sous quel nom|c est a quel nom|tu t appelles|t appelles comment|comment t appelles|(?:take|have|get|grab) (?:a|your) (?:full )?name|(?:wer ist|who is|who s|quem e|quien es|qui est) (?:der |die |the |o |a |el |la |l )?(?:ansprechpartner(?:in)?|contact person|contact|pessoa de contato|persona de contacto|interlocuteur|responsable)|ansprechpartner(?:in)?\s*\?)\b|\bname\s*\?|(?:^|[.!?¿¡,]\s*)(?:full |complete )?(?:name|nome|nombre|naam|nom|namen)\s*(?:\?|please|pls|bitte|por favor|s il vous plait|svp)/;
/** "Name and email?", "¿Nombre y correo?", "best contact details?": the answer usually opens with the name. */
const NAME_AND_CONTACT_QUESTION =
  /(?:^|[.!?¿¡,]\s*|\b(?:your|tu|su|seu|sua|votre|ihr|ihren|aapka)\s+)(?:full |complete )?(?:name|nome|nombre|nom|naam|namen)\s+(?:and|y|e|et|und|aur|&|\+)\s|\b(?:contact details|your details|tus datos|sus datos|seus dados|teus dados|vos coordonnees|ihre kontaktdaten|ihre daten|best contact)\b/;

export interface NameQuestion {
  /** The person's name in any form. */
  name: boolean;
  /** The surname (or the full name): a lone word answering it completes a first name. */
  surname: boolean;
  /** The first name: a lone word answering it goes before a surname already given. */
  firstName: boolean;
}

/** What a business message asks about the person's name; null when it asks nothing about it. */
export function nameQuestionIn(businessText: string): NameQuestion | null {
  const question = fold(businessText).replace(/['’]/g, " ").replace(OTHER_NAMES, " ");
  const surname = SURNAME_QUESTION.test(question);
  const firstName = FIRST_NAME_QUESTION.test(question);
  const name = surname || firstName || NAME_QUESTION.test(question) || NAME_AND_CONTACT_QUESTION.test(question);
  return name ? { name, surname, firstName } : null;
}

/** "my surname is X", "meu sobrenome é X", "mon nom de famille c'est X": the surname follows. */
export const SURNAME_STATEMENT =
  /\b(?:my (?:surname|last name|family name)(?: is|['’]s)?|(?:meu )?sobrenome (?:e|é)|(?:mi )?apellido es|mis apellidos son|(?:mein )?nachname (?:ist|lautet)|(?:mon )?nom de famille (?:c['’]est|est)|surname)\s*:?\s+/giu;
