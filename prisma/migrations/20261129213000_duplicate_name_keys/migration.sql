-- Duplicate lookup by similar name on an exact word index (lib/leads/duplicates.ts),
-- replacing the trigram index of contact_name_similarity: at 1,000,000 contacts
-- that index answered in 100-200 ms (a loose `%` let thousands of rows through
-- to a recheck, and the workspace's entry in the GIN index is a million rows long).
--
-- The name rule (lib/leads/name-similarity.ts) is about words: a name is
-- similar when enough of the shorter name's words are found in the other, and
-- two words found whenever both names have two; an initial matches a word
-- with its first letter. So a similar contact always shares, with the name
-- looked up, a PAIR of matching words (or, when either name is one word, a
-- single word). Each contact's name is indexed as the keys its words and pairs
-- of words offer; the name looked up asks for the keys its own words and pairs
-- would match; the overlap (&&) finds every contact the rule can accept, in
-- the workspace, on a GIN index, without a cap; the rule then decides.
--
-- Keys of one word: w:<word> (a whole word), i:<letter> (an initial),
-- l:<letter> (any word's first letter, which an initial in the looked-up name
-- matches). A looked-up whole word asks for w:<word> and i:<its first letter>;
-- a looked-up initial asks for l:<letter>. A pair is the two keys in order,
-- joined by "|". Keys prefixed "1:" stand for a one-word name on the contact's
-- side. Written by hand: the Prisma schema cannot express an index on an expression.

-- Words as the rule takes them: decomposed, combining accents dropped, lowercased, split on anything not a letter.
CREATE FUNCTION "contact_name_words"(text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$SELECT array_remove(regexp_split_to_array(lower(regexp_replace(normalize($1, NFD), '[\u0300-\u036f]+', '', 'g')), '[^[:alpha:]]+'), '')$$;

-- What a contact's name offers: each word's keys, "1:" keys when it is one word, and every pair of its words' keys.
-- COST: about 0.1 ms a call (as much as reading a few pages), so the planner never computes it for every contact of a
-- workspace instead of using the index (it did for 5,000 contacts: 450 ms).
CREATE FUNCTION "contact_name_match_keys"(text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT COST 5000 AS $$
  WITH w AS (SELECT u.word, u.n FROM unnest(public.contact_name_words($1)) WITH ORDINALITY AS u(word, n)),
       t AS (SELECT w.n, v.tok FROM w, LATERAL (VALUES (CASE WHEN length(w.word) > 1 THEN 'w:' || w.word ELSE 'i:' || w.word END), ('l:' || left(w.word, 1))) AS v(tok))
  SELECT coalesce(array_agg(DISTINCT k.key), '{}') FROM (
    SELECT t.tok FROM t
    UNION ALL SELECT '1:' || t.tok FROM t WHERE (SELECT count(*) FROM w) = 1
    UNION ALL SELECT least(a.tok, b.tok) || '|' || greatest(a.tok, b.tok) FROM t a JOIN t b ON a.n < b.n
  ) AS k(key)
$$;

-- What a looked-up name asks for: its words' keys when it is one word, else "1:" keys (a one-word contact) and every pair of its words' keys.
CREATE FUNCTION "contact_name_query_keys"(text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  WITH w AS (SELECT u.word, u.n FROM unnest(public.contact_name_words($1)) WITH ORDINALITY AS u(word, n)),
       t AS (SELECT w.n, v.tok FROM w, LATERAL unnest(CASE WHEN length(w.word) > 1 THEN ARRAY['w:' || w.word, 'i:' || left(w.word, 1)] ELSE ARRAY['l:' || w.word] END) AS v(tok))
  SELECT coalesce(array_agg(DISTINCT k.key), '{}') FROM (
    SELECT t.tok FROM t WHERE (SELECT count(*) FROM w) = 1
    UNION ALL SELECT '1:' || t.tok FROM t WHERE (SELECT count(*) FROM w) > 1
    UNION ALL SELECT least(a.tok, b.tok) || '|' || greatest(a.tok, b.tok) FROM t a JOIN t b ON a.n < b.n
  ) AS k(key)
$$;

-- btree_gin (migration contact_name_similarity) lets the workspace share the index.
-- fastupdate off: new contacts go into the index itself, not into a pending list that every lookup reads
-- through until the next vacuum (20,000 pending contacts: 3.8 ms a lookup instead of 0.06 ms).
CREATE INDEX "contacts_workspace_name_match_keys_idx" ON "contacts" USING gin ("workspace_id", "contact_name_match_keys"("name")) WITH (fastupdate = off);

-- No parallel scans of contacts: the planner cannot tell how few rows a name's keys find (it guessed 10,606 for 1),
-- and started two workers for a lookup that takes 0.1 ms (24 ms of Gather). Contacts are read a page or a key at a time.
ALTER TABLE "contacts" SET (parallel_workers = 0);

DROP INDEX "contacts_workspace_name_key_trgm_idx";
DROP FUNCTION "contact_name_key"(text);
