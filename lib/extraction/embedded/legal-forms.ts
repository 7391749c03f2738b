// Legal forms of companies in the supported countries, as they are written
// ("Ltda", "S.A. de C.V.", "S.A.S.", "GmbH & Co. KG", "e.K.", "Pvt. Ltd.",
// "SPRL", "Sàrl"), compiled once into a pattern that reads them with or without
// their dots, and the rule for the full stop after one: a form written with
// dots of its own ("S.A.S.", "e.K.") or an English abbreviation that takes one
// ("Inc.", "Co.", "Ltd.") keeps it; after any other form ("GmbH.", "Ltda.",
// "LLC.") the full stop is the sentence's. No maintained list of legal forms is
// published on npm (cleanco is a single-release port whose list holds everyday
// words such as "da", "as", "co", "company"), so the list is kept here.

/** Canonical spellings, longest first where one begins another. */
const FORMS = [
  // Brazil, Portugal
  "Ltda", "Lda", "S/A", "S.A.", "SA", "EIRELI", "MEI", "ME", "EPP", "Unipessoal Lda",
  // Spanish-speaking countries
  "S.A. de C.V.", "S. de R.L. de C.V.", "S. de R.L.", "S.A.P.I. de C.V.", "S.A.S.", "SAS", "S.L.U.", "S.L.", "SL", "S.R.L.", "SRL", "S.A.C.", "S.A.A.", "E.I.R.L.", "EIRL", "SpA", "S.p.A.", "Cía.", "y Cía.",
  // English-speaking countries and India
  "Pvt. Ltd.", "Pvt Ltd", "Private Limited", "Pty. Ltd.", "Pty Ltd", "Ltd.", "Ltd", "Limited", "LLC", "L.L.C.", "LLP", "PLC", "plc", "Inc.", "Inc", "Corp.", "Corporation", "Co.",
  // Germany, Austria, Switzerland
  "GmbH & Co. KG", "gGmbH", "GmbH", "AG", "KG", "OHG", "GbR", "UG", "e.K.", "e.V.", "PartG mbB", "PartG", "mbB", "KLG",
  // France, Belgium, Switzerland, Québec
  "SARL", "Sàrl", "SASU", "EURL", "SNC", "SCI", "SELARL", "SPRL", "SRL", "BV", "B.V.", "NV", "N.V.", "Ltée",
  // Parts written alone before "Ltd"
  "Pvt.", "Pty.",
];

/** Forms a French-speaking business writes before its name ("la SARL Bati-Sud"). */
const PREFIX_FORMS = ["SARL", "SASU", "SAS", "EURL", "SNC", "SCI", "SELARL", "SPRL"];

/** English abbreviations whose own full stop is part of them. */
const DOTTED_ABBREVIATIONS = new Set(["inc.", "co.", "corp.", "ltd.", "cía."]);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A pattern source for one form: its dots optional, spaces flexible, and (for a form
 * of four letters or more) any case; short forms keep their case so that "me", "sa"
 * or "co" in a sentence are not read as "ME", "SA" or "Co".
 */
function formPattern(form: string): string {
  const letters = form.replace(/[^\p{L}]/gu, "");
  const anyCase = letters.length >= 4;
  let source = "";
  for (const character of form) {
    if (character === ".") source += "\\.?";
    else if (character === " ") source += "\\s*";
    else if (anyCase && /\p{L}/u.test(character)) source += `[${character.toLowerCase()}${character.toUpperCase()}]`;
    else source += escape(character);
  }
  return source;
}

const unique = [...new Set(FORMS)].sort((a, b) => b.length - a.length);

/** One alternation of every form (a pattern source), longest first. */
export const LEGAL_FORM_SOURCE = `(?:${unique.map(formPattern).join("|")})`;
export const PREFIX_FORM_SOURCE = `(?:${PREFIX_FORMS.map(formPattern).join("|")})`;

const WHOLE_FORM = new RegExp(`^${LEGAL_FORM_SOURCE}$`, "u");

/** True when `word` (or words) is a legal form as written ("GmbH", "S.A.", "sarl"). */
export function isLegalForm(text: string): boolean {
  return WHOLE_FORM.test(text.trim());
}

/**
 * A company name ending in a legal form, with the sentence's full stop taken off
 * when the form does not own it ("Becker Logistik GmbH." -> "Becker Logistik GmbH",
 * "Andes S.A.S." stays, "Acme Inc." stays).
 */
export function tidyLegalForm(company: string): string {
  if (!company.endsWith(".")) return company;
  const lastWord = company.split(/\s+/).at(-1)!;
  const ownDots = lastWord.slice(0, -1).includes(".");
  if (ownDots || DOTTED_ABBREVIATIONS.has(lastWord.toLowerCase())) return company;
  return company.slice(0, -1);
}
