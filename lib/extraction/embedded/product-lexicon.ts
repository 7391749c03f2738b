// A compact multilingual lexicon of common commercial nouns (en/es/pt/de/fr),
// each mapped to an English stem, so "quero a bateria", "cargadores",
// "Wallbox" or "panneaux solaires" can match an English catalog ("Home
// Battery", "EV Charger", "Solar Panel Kit") and the reverse. Generic words,
// not any one business's products. German compounds are read by their parts.
import { stem } from "../text";

// A Map, not an object literal: a prospect's word is a key here, and "constructor" must not find Object's own.
const LEXICON = new Map<string, string>();

function add(stemWord: string, words: string): void {
  for (const word of words.split(" ")) {
    LEXICON.set(word, stemWord);
    LEXICON.set(stem(word), stemWord);
  }
}

add("battery", "battery batteries bateria baterias batterie batterien akku akkus speicher stromspeicher heimspeicher batteriespeicher");
add("charger", "charger chargers carregador carregadores cargador cargadores ladegerat ladegerate ladestation ladestationen ladesaule wallbox wallboxen chargeur chargeurs borne bornes");
add("ev", "ev eletrico eletrica electrico electrica elektroauto electrique veicular vehicular vehiculo veiculo vehicule fahrzeug");
add("panel", "panel panels painel paineis paneles panneau panneaux modul module modulen placa placas plaque plaques");
add("solar", "solar solares solaire solaires photovoltaik fotovoltaico fotovoltaica fotovoltaicos photovoltaique pv");
add("maintenance", "maintenance manutencao manutencoes mantenimiento mantencion wartung instandhaltung entretien servicing");
add("inspection", "inspection inspecao inspeccion vistoria revisao revision inspektion prufung controle audit audits auditoria check checkup");
add("installation", "installation instalacao instalacion instalar instalamos instalam installieren montage einbau installer");
add("insurance", "insurance seguro seguros versicherung assurance");
add("course", "course courses curso cursos kurs kurse cours formation");
add("lesson", "lesson lessons aula aulas clase clases unterricht lecon lecons");
add("plan", "plan plans plano planos planes tarif tarifa forfait abo abonnement");
add("package", "package packages pacote pacotes paquete paquetes paket pakete pack");
add("cleaning", "cleaning limpeza limpieza reinigung nettoyage");
add("vaccination", "vaccination vaccine vacina vacinas vacinacao vacuna vacunas vacunacion impfung impfungen vaccin vaccins");
add("consultation", "consultation consultations beratung");
add("car", "car carro coche auto wagen voiture automovel automovil automobile automobil gaadi gadi");
add("delivery", "delivery entrega entregas lieferung livraison");
// Common qualifiers that tell catalog items apart ("Travel Insurance", "Monthly Plan", "Oil Change").
add("english", "english ingles inglesa anglais englisch");
add("spanish", "spanish espanol espanhol espagnol spanisch");
add("travel", "travel viaje viagem voyage reise");
add("health", "health salud saude sante kranken krankenversicherung gesundheit medical medico");
add("dog", "dog dogs perro perra perros cachorro cachorra cachorros chien chienne hund hunde");
add("cat", "cat cats gato gata gatos katze katzen");
add("grooming", "grooming toilettage tosa banho peluqueria hundefriseur");
add("private", "private privado privada particular particulares prive privee privat");
add("monthly", "monthly mensal mensual mensuel monatlich");
add("annual", "annual yearly anual anuel annuel jahrlich");
add("oil", "oil aceite oleo huile ol olwechsel vidange");
add("tire", "tire tires tyre tyres pneu pneus neumatico neumaticos llanta llantas reifen");
add("change", "change cambio cambiar troca trocar wechsel wechseln changer");
add("system", "system systems sistema sistemas anlage anlagen systeme");
add("service", "service servico servicos servicio servicios dienst dienstleistung");
add("social", "social sociais sociales sociaux instagram insta facebook tiktok linkedin");
add("repair", "repair repairs fix fixed fixing mend mended conserto consertar arreglo arreglar reparar reparo reparacao reparacion reparaciones reparieren reparatur reparer reparation reparations");
// Services done to a thing, so "redo our kitchen" finds "Kitchen Remodel" and a burst pipe is not a renovation.
add("renovation", "renovation renovations remodel remodeling remodelling redo renovate reforma reformas reformar renovar renovacao remodelacao renovacion remodelacion renover refaire renovieren renovierung umbau sanierung");
add("replacement", "replacement replace substituicao substituir sustitucion sustituir remplacement remplacer austausch tausch ersetzen");
add("emergency", "emergency emergencia emergencias notfall notdienst notruf urgence urgences urgent urgente dringend storungsdienst stoerungsdienst");

/** Nouns that name a service done to something ("maintenance of panels"): the service is what is bought. */
export const SERVICE_STEMS = new Set(["maintenance", "inspection", "installation", "cleaning", "repair", "service", "vaccination", "consultation", "grooming", "renovation", "replacement"]);

/** Words too generic to tell products apart on their own ("plan", "kit"). */
export const GENERIC_STEMS = new Set(["plan", "change", "package", "kit", "pack", "set", "service", "basic", "standard", "premium", "pro", "plus", "mass", "mesure", "medida", "measure", "custom"]);

/** Lexicon words that can be part of a compound, each with its rank: the first listed wins, as when they were scanned in order. */
const COMPOUND_PARTS = new Map([...LEXICON.keys()].filter((word) => word.length >= 5).map((word, rank) => [word, rank]));

/** The first-listed compound part among `text`'s slices from `from` to each end in [shortest, longest]; read in place of scanning every part. */
function firstPart(slices: (length: number) => string, shortest: number, longest: number): string | undefined {
  let found: string | undefined;
  let rank = Infinity;
  for (let length = Math.max(5, shortest); length <= longest; length++) {
    const slice = slices(length);
    const at = COMPOUND_PARTS.get(slice);
    if (at !== undefined && at < rank) [found, rank] = [slice, at];
  }
  return found;
}

/** Each lexicon word's forms, built once (callers read them, never change them). */
const KNOWN_FORMS = new Map([...LEXICON].map(([word, stemWord]) => [word, Object.freeze([stemWord])]));

/** English stems for a folded word: itself when unknown, its parts for a German compound ("heimspeicher"). */
export function canonical(word: string): readonly string[] {
  const known = KNOWN_FORMS.get(word);
  if (known) return known;
  if (word.length >= 8) {
    const parts = new Set<string>();
    // German puts the head noun last ("Heimspeicher"); a known first part counts only beside a known last part
    // ("Solarmodule"), so "seguramente" is not "seguro". The head leaves at least three letters before it.
    const head = firstPart((length) => word.slice(word.length - length), 5, word.length - 3);
    if (head) {
      parts.add(LEXICON.get(head)!);
      const rest = word.slice(0, -head.length);
      const first = firstPart((length) => rest.slice(0, length), 5, rest.length);
      if (first) parts.add(LEXICON.get(first)!);
    }
    if (parts.size > 0) return [...parts];
  }
  return [word];
}
