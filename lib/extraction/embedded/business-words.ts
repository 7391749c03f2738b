// Words that mark the start of a business name in several languages ("Café",
// "Padaria", "Hostal", "Transportes", "Bau", "GmbH"), so "soy Pedro Sánchez de
// Café Montaña" reads as a person from a company, not one long surname.
import { firstWords, fold, trimEnd } from "../text";

const BUSINESS_NOUNS = new Set(
  (
    "cafe cafeteria coffee bar restaurant restaurante ristorante bistro pizzaria pizzeria padaria panaderia bakery boulangerie backerei baeckerei " +
    "hotel hostal hostel pousada posada motel inn auberge pension " +
    "transportes transporte transportadora transports transport logistica logistics logistik spedition " +
    "ferreteria ferragens hardware eisenwaren quincaillerie papeleria libreria livraria drogaria drogueria optica otica " +
    "loja tienda shop store boutique magasin laden mercado mercadinho supermercado supermarket market markt farmacia pharmacy apotheke pharmacie " +
    "clinica clinic klinik clinique consultorio praxis cabinet studio estudio atelier salao salon " +
    "escola escuela school ecole schule academia academy akademie instituto institute institut colegio " +
    "construtora constructora construcciones construction construcoes bau immobilier imobiliaria inmobiliaria immobilien realty " +
    "grupo group gruppe groupe empresa empresas company compania companhia firma societe entreprise corporacion corporation holding " +
    "comercial comercio industria industrias industries industrie fabrica factory textil textiles textile foods alimentos aliments " +
    "electrical electrica eletrica elektro electricite servicios servicos services service solucoes soluciones solutions " +
    "consultoria consulting conseil beratung agencia agency agentur agence tech tecnologia technologies technology systems sistemas " +
    "oficina taller garage werkstatt auto autos motors fazenda hacienda finca farm ferme hof granja"
  ).split(" "),
);

const LEGAL_FORMS = /^(?:ltda|ltd|llc|inc|corp|gmbh|ag|kg|sa|sl|srl|sarl|sas|eireli|plc|bv|nv|spa|me|mei|epp)\.?$/;

/** True when `word` names a kind of business or a legal form. */
export function isBusinessWord(word: string): boolean {
  const bare = fold(trimEnd(word, ",;:!?()."));
  return BUSINESS_NOUNS.has(bare) || LEGAL_FORMS.test(bare);
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
