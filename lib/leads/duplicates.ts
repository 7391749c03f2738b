// Possible duplicates of a proposed lead within its workspace: internal CRM
// contacts and earlier open leads with the same phone (canonical E.164, so
// Brazil's 9th digit and Mexico's +521 match) or the same lowercased email
// (exact), and contacts with a similar name at the same company or in the same
// phone country (near). Each candidate says why it matched.
//
// One SQL statement (UNION ALL), each part on an index, no cap on the rows
// looked at: exact ones on (workspace_id, email_normalized | phone_e164); near
// ones on the GIN index of (workspace_id, contact_name_match_keys(name))
// (migration duplicate_name_keys), which returns every contact sharing a pair
// of matching words with the name (one word when either name has one): all
// the name rule (name-similarity.ts) can accept, which then decides. The answer
// keeps the NEAR_ANSWER_LIMIT most similar near candidates (a common name in
// a large workspace has thousands).
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { db, Prisma } from "@/lib/db/client";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { canonicalPhone } from "@/lib/phone/canonical";
import { OPEN_STATUSES } from "./lead-status";
import { nameSimilarity } from "./name-similarity";

export type DuplicateCandidate = {
  kind: "contact" | "lead";
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  /** Exact candidates (same phone or email) must be merged, not approved beside. */
  exact: boolean;
  /** Why it matched, in English (the API's words since the start). */
  reasons: string[];
  /** The same reasons as codes with their values, for the dashboard to word in the reader's language. */
  reasonPhrases: Phrase[];
};

export type DuplicateQuery = {
  name: string | null;
  email: string | null;
  /** The phone the person gave and the WhatsApp number they wrote from, E.164. */
  phones: string[];
  company: string | null;
  /** The proposal being reviewed, left out of its own candidates. */
  excludeProposalId?: string;
  /** The contact the proposal was approved as or merged into: never its own duplicate. */
  excludeContactId?: string | null;
};

const NEAR_NAME_THRESHOLD = 0.75;
/** Near candidates answered, the most similar first. */
export const NEAR_ANSWER_LIMIT = 20;

function countryCode(phone: string): string | null {
  const parsed = parsePhoneNumberFromString(phone);
  return parsed ? `+${parsed.countryCallingCode}` : null;
}

type CandidateRow = {
  kind: DuplicateCandidate["kind"];
  exact: boolean;
  id: string;
  name: string | null;
  email: string | null;
  emailNormalized: string | null;
  phoneE164: string | null;
  company: string | null;
};

const sql = Prisma.sql;
const COLUMNS = (alias: "k" | "p") =>
  Prisma.raw(`${alias}.id, ${alias}.name, ${alias}.email, ${alias}.email_normalized AS "emailNormalized", ${alias}.phone_e164 AS "phoneE164", ${alias}.company`);

export async function findDuplicateCandidates(workspaceId: string, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
  const email = query.email?.trim().toLowerCase() || null;
  const phones = [...new Set(query.phones.map(canonicalPhone))];
  const company = query.company?.trim() || null;
  const countries = [...new Set(phones.map(countryCode).filter((code): code is string => code !== null))];
  const notContact = query.excludeContactId ? sql`AND k.id <> ${query.excludeContactId}::uuid` : Prisma.empty;
  const notProposal = query.excludeProposalId ? sql`AND p.id <> ${query.excludeProposalId}::uuid` : Prisma.empty;

  const parts: Prisma.Sql[] = [];
  if (email || phones.length > 0) {
    const sameKey = (alias: "k" | "p") =>
      sql`(${Prisma.raw(alias)}.email_normalized = ${email}::text OR ${Prisma.raw(alias)}.phone_e164 = ANY(${phones}::text[]))`;
    parts.push(sql`SELECT 0 AS part, 'contact' AS kind, TRUE AS exact, ${COLUMNS("k")}, NULL::timestamptz AS created_at
      FROM contacts k WHERE k.workspace_id = ${workspaceId}::uuid AND ${sameKey("k")} ${notContact}`);
    // Open leads only: approved and merged leads are represented by their contact, rejected ones are not anyone.
    parts.push(sql`SELECT 1, 'lead', TRUE, ${COLUMNS("p")}, p.created_at
      FROM lead_proposals p WHERE p.workspace_id = ${workspaceId}::uuid AND ${sameKey("p")} AND p.status = ANY(${[...OPEN_STATUSES]}::text[]) ${notProposal}`);
  }
  const near = [...(company ? [sql`lower(k.company) = lower(${company})`] : []), ...countries.map((code) => sql`left(k.phone_e164, ${code.length}) = ${code}`)];
  if (query.name && near.length > 0) {
    // Company and country are filters on the few rows the name's keys find: written so that no index serves them
    // (a phone prefix matches a quarter of a workspace; ANDing its index with the name's cost 60 ms at 1,000,000 contacts).
    parts.push(sql`SELECT 2, 'contact', FALSE, ${COLUMNS("k")}, NULL::timestamptz
      FROM contacts k WHERE k.workspace_id = ${workspaceId}::uuid AND contact_name_match_keys(k.name) && contact_name_query_keys(${query.name})
       AND (${Prisma.join(near, " OR ")}) ${notContact}`);
  }
  if (parts.length === 0) return [];
  const rows = await db().$queryRaw<CandidateRow[]>`${Prisma.join(parts, " UNION ALL ")} ORDER BY part, created_at DESC`;

  const candidates = new Map<string, DuplicateCandidate>();
  const add = (row: CandidateRow, reason: Phrase) => {
    const key = `${row.kind}:${row.id}`;
    const existing = candidates.get(key);
    if (existing) {
      existing.exact ||= row.exact;
      if (!existing.reasons.includes(reason.message)) {
        existing.reasons.push(reason.message);
        existing.reasonPhrases.push(reason);
      }
    } else {
      candidates.set(key, {
        kind: row.kind,
        id: row.id,
        name: row.name,
        email: row.email,
        phone: row.phoneE164,
        company: row.company,
        exact: row.exact,
        reasons: [reason.message],
        reasonPhrases: [reason],
      });
    }
  };
  const similar: { row: CandidateRow; similarity: number }[] = [];
  for (const row of rows) {
    if (row.exact) {
      if (email && row.emailNormalized === email) add(row, phrase("same_email", `same email ${email}`, { email }));
      if (row.phoneE164 && phones.includes(row.phoneE164)) add(row, phrase("same_phone", `same phone ${row.phoneE164}`, { phone: row.phoneE164 }));
    } else {
      const similarity = nameSimilarity(query.name!, row.name ?? "");
      if (similarity >= NEAR_NAME_THRESHOLD) similar.push({ row, similarity });
    }
  }
  similar.sort((a, b) => b.similarity - a.similarity || (a.row.name ?? "").localeCompare(b.row.name ?? ""));
  for (const { row } of similar.slice(0, NEAR_ANSWER_LIMIT)) {
    const sameCompany = company !== null && row.company?.toLowerCase() === company.toLowerCase();
    const country = countryCode(row.phoneE164 ?? "") ?? "";
    add(
      row,
      sameCompany
        ? phrase("similar_name_same_company", `similar name at the same company (${row.company})`, { company: row.company ?? "" })
        : phrase("similar_name_same_country", `similar name in the same phone country (${country})`, { country }),
    );
  }
  // Exact matches first; then contacts before leads.
  return [...candidates.values()].sort((a, b) => Number(b.exact) - Number(a.exact) || (a.kind === b.kind ? 0 : a.kind === "contact" ? -1 : 1));
}
