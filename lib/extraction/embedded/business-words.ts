// Words that mark a business name in several languages: the kinds of business
// that open one ("Café", "Padaria", "Funilaria", "Abarrotes", "Tischlerei",
// "Carrosserie", "Hotel") or close one ("Sweet Crumbs Bakery", "Kapoor
// Handicrafts", "Whitfield & Partners Solicitors"), German compounds ending in a
// kind of business ("Zahnarztpraxis", "Hausverwaltung"), and the departments
// that come before a company without being part of it ("RH da", "Abteilung
// Einkauf der", "service des achats de la"). So "soy Pedro Sánchez de Café
// Montaña" reads as a person from a company, not one long surname.
import { firstWords, fold, trimEnd } from "../text";
import { isLegalForm } from "./legal-forms";

const BUSINESS_NOUNS = new Set(
  (
    // food and shops
    "cafe cafeteria coffee bar restaurant restaurante ristorante bistro brasserie pizzaria pizzeria padaria panaderia bakery boulangerie backerei baeckerei " +
    "confeitaria pastelaria pasteleria patisserie konditorei lanchonete sorveteria heladeria tortilleria taqueria taquerias cevicheria " +
    "mercearia abarrotes abarroteria tlapaleria almacen bodega minimercado minimarket minimarket mercadinho mercado supermercado supermarket market markt grocery grocers epicerie " +
    "depanneur spaza kirana mart emporium emporio botilleria colmado bazar tiendita " +
    "acougue carniceria boucherie metzgerei charcuterie verduleria fruteria " +
    "loja tienda shop store stores boutique magasin laden blumenladen floricultura floreria fleuriste kiosco kiosk quiosque " +
    "farmacia farmacias pharmacy pharmacie apotheke drogaria drogueria droguerie optica otica opticien " +
    "ferreteria ferragens hardware eisenwaren quincaillerie papeleria papelaria libreria livraria librairie " +
    "joalheria joyeria bijouterie jewellers jewelers jewellery relojoaria zapateria sapataria " +
    // lodging and leisure
    "hotel hostal hostel pousada posada motel inn auberge pension gasthof gasthaus hospedaje " +
    // transport and trades
    "transportes transporte transportadora transports transport logistica logistics logistik spedition mudanzas mudancas umzuge " +
    "funilaria oficina taller garage werkstatt autohaus carrosserie hojalateria refaccionaria borracharia " +
    "marcenaria carpinteria menuiserie tischlerei schreinerei serralheria cerrajeria serrurerie vidracaria plomberie malerbetrieb " +
    "lavanderia tinturaria tintoreria blanchisserie pressing reinigung " +
    // care and professions
    "clinica clinic klinik clinique consultorio praxis cabinet studio estudio atelier salao salon barbearia peluqueria friseur coiffure " +
    "odontologia veterinaria fisioterapia kanzlei solicitors notaria cartorio fiduciaire treuhand advocacia abogados avocats " +
    "arquitetura arquitectura architekten architecture contabilidade contabilidad " +
    "escola escuela school ecole schule academia academy akademie instituto institute institut colegio " +
    // industry and trade
    "construtora constructora construcciones construction construcoes bau immobilier imobiliaria inmobiliaria immobilien realty hausverwaltung " +
    "grupo group gruppe groupe empresa empresas company compania companhia firma societe entreprise corporacion corporation holding " +
    "comercial comercio industria industrias industries industrie fabrica factory textil textiles textile foods alimentos aliments " +
    "metalurgica minera mineracao distribuidora distribuciones distribuicao distributors atacadista importadora exportadora " +
    "trading traders handicrafts provisions enterprises exports imports caterers catering agencies kendra centre center centro zentrum bhandar " +
    "siderurgica usina fundicao laboratorio laboratorios farmaceutica quimica grafica editora laticinios frigorifico cooperativa fromagerie " +
    "electrical electrica eletrica elektro electricite servicios servicos services service solucoes soluciones solutions " +
    "consultoria consulting conseil beratung agencia agency agentur agence tech tecnologia technologies technology systems sistemas " +
    "fazenda hacienda finca farm ferme hof granja " +
    // partnerships
    "associates associes asociados associados partners sons sohne hermanos irmaos brothers bros"
  ).split(" "),
);

/** German compounds that end in a kind of business ("Zahnarztpraxis", "Hausverwaltung", "Malerbetrieb"). */
const COMPOUND_ENDINGS = ["buro", "praxis", "verwaltung", "kanzlei", "handel", "technik", "logistik", "beratung", "werkstatt", "laden", "betrieb", "tischlerei", "schreinerei", "backerei", "metzgerei", "druckerei", "gartnerei", "reinigung", "versicherung", "immobilien", "apotheke", "klinik", "agentur", "umzuge"];

/** True when `word` names a kind of business or a legal form. */
export function isBusinessWord(word: string): boolean {
  const trimmed = trimEnd(word, ",;:!?()");
  const bare = fold(trimEnd(trimmed, "."));
  if (BUSINESS_NOUNS.has(bare) || isLegalForm(trimmed)) return true;
  return bare.length >= 9 && /^\p{Lu}/u.test(word) && COMPOUND_ENDINGS.some((ending) => bare.endsWith(ending) && bare.length > ending.length + 2);
}

/** True when `text` opens with a capitalized business name ("Café Montaña", "Transportes Lima", "Becker Bau GmbH"). */
export function startsLikeBusiness(text: string): boolean {
  const words = firstWords(text, 5);
  if (!words[0] || !/^[\p{Lu}\d]/u.test(words[0])) return false;
  for (const word of words) {
    if (isBusinessWord(word)) return true;
    if (!/^[\p{Lu}\d&]/u.test(word) || /[,;:!?]$/.test(word)) break;
  }
  return false;
}

/** Departments and teams: what comes before a company without being part of it. */
const DEPARTMENT_NAMES =
  "rh|rrhh|hr|recursos humanos|ressources humaines|human resources|personal|personalabteilung|finance|finances|financeiro|financiero|finanzas|finanzen|contabilidad|contabilidade|comptabilite|comptabilité|accounting|accounts|buchhaltung|compras|purchasing|achats|einkauf|ventas|vendas|sales|verkauf|vertrieb|marketing|ti|it|tecnologia|logistica|logística|logistics|logistik|administracion|administración|administracao|administração|administration|verwaltung|juridico|jurídico|legal|recht|direction|direccion|dirección|diretoria|operaciones|operacoes|operações|operations";
const DEPARTMENT_LEAD =
  "(?:(?:the|o|a|el|la|le|l['’]|der|die|das)\\s+)?(?:(?:departamento|department|dept\\.?|abteilung|setor|sector|area|área|service|servicio|servico|serviço|equipo|equipe|team|bereich)\\s+(?:de\\s+|do\\s+|da\\s+|of\\s+|des\\s+|du\\s+)?)?";
const DEPARTMENT = new RegExp(
  `^${DEPARTMENT_LEAD}(?:${DEPARTMENT_NAMES})(?:\\s+team)?\\s+(?:de|do|da|del|de la|of|at|der|des|du|de l['’]|bei|von)\\s+(?:(?:la|el|the|a|o)\\s+)?`,
  "iu",
);
const DEPARTMENT_ALONE = new RegExp(`^${DEPARTMENT_LEAD}(?:${DEPARTMENT_NAMES})(?:\\s+team)?$`, "iu");

/** A department alone ("RH", "Einkauf"), which is never a company. */
export function isDepartment(text: string): boolean {
  return DEPARTMENT_ALONE.test(text.trim());
}

/** `company` without a department before it ("Recursos Humanos de Minera Los Andes S.A." -> "Minera Los Andes S.A."). */
export function withoutDepartment(company: string): string {
  const match = DEPARTMENT.exec(company);
  return match && match[0].length < company.length ? company.slice(match[0].length) : company;
}
