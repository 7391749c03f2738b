// Possible duplicates of a proposed lead within its workspace: internal CRM
// contacts and earlier leads with the same phone (canonical E.164, so Brazil's
// 9th digit and Mexico's +521 match) or the same lowercased email (exact), and
// contacts with a similar name at the same company or in the same phone country
// (near). Each candidate says why it matched. Everything is found in
// PostgreSQL on indexes, with no cap on how many rows are looked at: exact
// ones on (workspace_id, email_normalized | phone_e164), near ones by pg_trgm
// similarity (`%`) of accent-free names on a GIN index of (workspace_id,
// contact_name_key(name)) (migration contact_name_similarity), then kept when
// the domain's name rule (name-similarity.ts) agrees.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { db, Prisma } from "@/lib/db/client";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { canonicalPhone } from "@/lib/phone/canonical";
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

function countryCode(phone: string): string | null {
  const parsed = parsePhoneNumberFromString(phone);
  return parsed ? `+${parsed.countryCallingCode}` : null;
}

export async function findDuplicateCandidates(workspaceId: string, query: DuplicateQuery): Promise<DuplicateCandidate[]> {
  const email = query.email?.trim().toLowerCase() || null;
  const phones = [...new Set(query.phones.map(canonicalPhone))];
  const exactWhere = [
    ...(email ? [{ emailNormalized: email }] : []),
    ...(phones.length > 0 ? [{ phoneE164: { in: phones } }] : []),
  ];
  const candidates = new Map<string, DuplicateCandidate>();
  const add = (candidate: Omit<DuplicateCandidate, "reasons" | "reasonPhrases">, reason: Phrase) => {
    const key = `${candidate.kind}:${candidate.id}`;
    const existing = candidates.get(key);
    if (existing) {
      existing.exact ||= candidate.exact;
      if (!existing.reasons.includes(reason.message)) {
        existing.reasons.push(reason.message);
        existing.reasonPhrases.push(reason);
      }
    } else {
      candidates.set(key, { ...candidate, reasons: [reason.message], reasonPhrases: [reason] });
    }
  };
  const exactReasons = (row: { emailNormalized: string | null; phoneE164: string | null }) => [
    ...(email && row.emailNormalized === email ? [phrase("same_email", `same email ${email}`, { email })] : []),
    ...(row.phoneE164 && phones.includes(row.phoneE164) ? [phrase("same_phone", `same phone ${row.phoneE164}`, { phone: row.phoneE164 })] : []),
  ];

  if (exactWhere.length > 0) {
    const [contacts, leads] = await Promise.all([
      db().contact.findMany({
        where: { workspaceId, OR: exactWhere, ...(query.excludeContactId ? { id: { not: query.excludeContactId } } : {}) },
        select: { id: true, name: true, email: true, emailNormalized: true, phoneE164: true, company: true },
      }),
      db().leadProposal.findMany({
        // Approved and merged leads are represented by their contact.
        where: { workspaceId, OR: exactWhere, status: { notIn: ["rejected", "approved", "merged"] }, ...(query.excludeProposalId ? { id: { not: query.excludeProposalId } } : {}) },
        orderBy: { createdAt: "desc" },
        select: { id: true, name: true, email: true, emailNormalized: true, phoneE164: true, company: true },
      }),
    ]);
    for (const row of contacts) {
      for (const reason of exactReasons(row)) add({ kind: "contact", id: row.id, name: row.name, email: row.email, phone: row.phoneE164, company: row.company, exact: true }, reason);
    }
    for (const row of leads) {
      for (const reason of exactReasons(row)) add({ kind: "lead", id: row.id, name: row.name, email: row.email, phone: row.phoneE164, company: row.company, exact: true }, reason);
    }
  }

  if (query.name) {
    const company = query.company?.trim() || null;
    const countries = [...new Set(phones.map(countryCode).filter((code): code is string => code !== null))];
    const near = [
      ...(company ? [Prisma.sql`lower(k.company) = lower(${company})`] : []),
      ...countries.map((code) => Prisma.sql`k.phone_e164 LIKE ${`${code}%`}`),
    ];
    if (near.length > 0) {
      // `%`: trigram similarity of the names without accents or case above pg_trgm's threshold (0.3), on
      // contacts(workspace_id, contact_name_key(name)): wider than the name rule (>= 0.75 of the words), which then decides.
      const contacts = await db().$queryRaw<{ id: string; name: string; email: string | null; phoneE164: string | null; company: string | null }[]>`
        SELECT k.id, k.name, k.email, k.phone_e164 AS "phoneE164", k.company
          FROM contacts k
         WHERE k.workspace_id = ${workspaceId}::uuid AND contact_name_key(k.name) % contact_name_key(${query.name})
           AND (${Prisma.join(near, " OR ")})
           ${query.excludeContactId ? Prisma.sql`AND k.id <> ${query.excludeContactId}::uuid` : Prisma.empty}`;
      for (const row of contacts) {
        const similarity = nameSimilarity(query.name, row.name);
        if (similarity < NEAR_NAME_THRESHOLD) continue;
        const sameCompany = company !== null && row.company?.toLowerCase() === company.toLowerCase();
        const country = countryCode(row.phoneE164 ?? "") ?? "";
        const reason = sameCompany
          ? phrase("similar_name_same_company", `similar name at the same company (${row.company})`, { company: row.company ?? "" })
          : phrase("similar_name_same_country", `similar name in the same phone country (${country})`, { country });
        add({ kind: "contact", id: row.id, name: row.name, email: row.email, phone: row.phoneE164, company: row.company, exact: false }, reason);
      }
    }
  }
  // Exact matches first; then contacts before leads.
  return [...candidates.values()].sort((a, b) => Number(b.exact) - Number(a.exact) || (a.kind === b.kind ? 0 : a.kind === "contact" ? -1 : 1));
}
