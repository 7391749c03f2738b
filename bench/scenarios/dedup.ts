// dedup: duplicate candidates for a new proposal (lib/leads/duplicates.ts
// findDuplicateCandidates, as the review screen asks) among 1,000,000
// contacts in one workspace, plus a smaller second workspace. Names are drawn
// from common first and last names (so a similar-name lookup has real company),
// with accents, and every contact has a Brazilian or Mexican phone; some
// share a company. The proposals looked up: an exact email, an exact phone
// (without Brazil's 9th digit), a similar name at a company, a similar name in
// the phone country, and a person nobody resembles. Each lookup must find
// what was planted; p95 over every lookup is held against the target.
import { randomUUID } from "node:crypto";
import { findDuplicateCandidates, type DuplicateQuery } from "@/lib/leads/duplicates";
import { withBenchDatabase } from "@/scripts/bench-database";
import { below, check, type Outcome, type Scenario, type Size } from "../support/scenario";
import { latencies } from "../support/stats";

const SIZES: Record<Size, { contacts: number; runs: number }> = {
  full: { contacts: 1_000_000, runs: 40 },
  small: { contacts: 5_000, runs: 3 },
};
const BOUND_MS = 5;

const FIRST = ["Ana", "João", "Maria", "José", "Carlos", "Lucía", "Pedro", "Fernanda", "Luis", "Camila", "Rafael", "Juliana", "Diego", "Gabriela", "Marcos", "Patrícia", "Andrés", "Beatriz", "Felipe", "Sofía"];
const LAST = ["Silva", "Souza", "Oliveira", "Santos", "Pereira", "Lima", "Gómez", "Rodríguez", "Martínez", "Hernández", "Costa", "Ribeiro", "Almeida", "Carvalho", "López", "Ramírez", "Barbosa", "Rocha", "Dias", "Moreira"];

const SEED_SQL = (workspaceId: string, otherWorkspaceId: string, count: number) => `
INSERT INTO workspaces (id, name, slug, default_country, updated_at) VALUES
  ('${workspaceId}', 'Bench', 'bench-dedup', 'BR', now()), ('${otherWorkspaceId}', 'Other', 'bench-dedup-other', 'MX', now());
-- The name-key index takes the bulk load into its pending list and merges it once (fastupdate off, as the
-- migration sets it for the app's single inserts, would add each of a million contacts to the index one by one).
ALTER INDEX contacts_workspace_name_match_keys_idx SET (fastupdate = on);
SET gin_pending_list_limit = '64MB';
-- Three words each (first, two last names, plus a number so no two people are the same), Brazilian or Mexican mobiles, a company for a third.
INSERT INTO contacts (id, workspace_id, name, email, email_normalized, phone_e164, company, updated_at)
SELECT gen_random_uuid(), CASE WHEN i <= ${count} THEN '${workspaceId}'::uuid ELSE '${otherWorkspaceId}'::uuid END,
       f.names[1 + i % ${FIRST.length}] || ' ' || l.names[1 + (i / ${FIRST.length}) % ${LAST.length}] || ' ' || l.names[1 + (i / 7) % ${LAST.length}] || ' ' || i,
       'person' || i || '@example.com', 'person' || i || '@example.com',
       CASE WHEN i % 4 = 0 THEN '+52155' || lpad(i::text, 8, '0') ELSE '+55119' || lpad(i::text, 8, '0') END,
       CASE WHEN i % 3 = 0 THEN 'Company ' || (i % 5000) END, now()
FROM generate_series(1, ${count + Math.ceil(count / 20)}) AS i,
     (SELECT ARRAY[${FIRST.map((name) => `'${name}'`).join(",")}] AS names) f,
     (SELECT ARRAY[${LAST.map((name) => `'${name}'`).join(",")}] AS names) l;
-- The people the lookups must find.
INSERT INTO contacts (id, workspace_id, name, email, email_normalized, phone_e164, company, updated_at) VALUES
  (gen_random_uuid(), '${workspaceId}', 'Heloísa Quintanilha Brandão', 'heloisa@quintanilha.com.br', 'heloisa@quintanilha.com.br', '+5531988776655', 'Quintanilha Móveis', now()),
  (gen_random_uuid(), '${workspaceId}', 'Xiomara Ugarte', NULL, NULL, '+5215598765432', NULL, now());
SELECT gin_clean_pending_list('contacts_workspace_name_match_keys_idx'::regclass);
ALTER INDEX contacts_workspace_name_match_keys_idx SET (fastupdate = off);
RESET gin_pending_list_limit;
ANALYZE contacts;
`;

type Lookup = { label: string; query: DuplicateQuery; expect: string | null };

const lookups: Lookup[] = [
  { label: "exact email", query: { name: "Heloisa B.", email: "HELOISA@quintanilha.com.br", phones: [], company: null }, expect: "Heloísa Quintanilha Brandão" },
  { label: "exact phone (no 9th digit)", query: { name: null, email: null, phones: ["+553188776655"], company: null }, expect: "Heloísa Quintanilha Brandão" },
  { label: "similar name at the company", query: { name: "Heloisa Brandao", email: null, phones: ["+5511900000001"], company: "quintanilha móveis" }, expect: "Heloísa Quintanilha Brandão" },
  { label: "similar name in the phone country", query: { name: "xiomara ugarte", email: null, phones: ["+5215511112222"], company: null }, expect: "Xiomara Ugarte" },
  { label: "nobody alike", query: { name: "Zbigniew Wróblewski", email: "zbig@example.pl", phones: ["+48601234567"], company: "Wróblewski sp. z o.o." }, expect: null },
];

export const dedupScenario: Scenario = {
  name: "dedup",
  target: "duplicate candidates for a new proposal among 1,000,000 contacts: p95 < 5 ms",
  run: (size, { progress }) =>
    withBenchDatabase(async (client): Promise<Outcome> => {
      const sizes = SIZES[size];
      const workspaceId = randomUUID();
      progress(`dedup: seeding ${sizes.contacts} contacts`);
      const seedStart = Date.now();
      await client.query(SEED_SQL(workspaceId, randomUUID(), sizes.contacts));
      const contacts = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1`, [workspaceId])).rows[0]!.n;
      const all: number[] = [];
      const cases: Record<string, unknown>[] = [];
      const wrong: Record<string, unknown>[] = [];
      for (const { label, query, expect } of lookups) {
        const found = await findDuplicateCandidates(workspaceId, query); // warm-up
        const names = found.map((candidate) => candidate.name);
        if (expect ? !names.includes(expect) : names.length > 0) wrong.push({ lookup: label, expected: expect, found: names.slice(0, 5) });
        const times: number[] = [];
        for (let run = 0; run < sizes.runs; run++) {
          const started = performance.now();
          await findDuplicateCandidates(workspaceId, query);
          times.push(performance.now() - started);
        }
        all.push(...times);
        cases.push({ lookup: label, candidates: found.length, ms: latencies(times) });
      }
      const overall = latencies(all);
      return {
        sizes: { contacts, lookups: lookups.length, runsPerLookup: sizes.runs, seedSeconds: Math.round((Date.now() - seedStart) / 1000) },
        figures: { ms: overall, cases },
        targets: { p95: below(overall.p95, BOUND_MS, "ms") },
        checks: [check("each lookup finds what was planted, and nothing for a stranger", wrong.length === 0, wrong.length ? wrong : undefined)],
      };
    }),
};
