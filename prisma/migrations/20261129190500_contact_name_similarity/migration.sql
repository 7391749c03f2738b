-- Duplicate lookup by similar name, in SQL on an index (lib/leads/duplicates.ts).
-- The name key of a contact is its name without accents, lowercased. A
-- multi-column GIN index (btree_gin for the workspace, pg_trgm for the key)
-- finds the contacts of a workspace whose key is similar (%) to the key of a
-- proposal, whatever the size of the workspace. Written by hand: the Prisma
-- schema cannot express an index on an expression.
CREATE EXTENSION IF NOT EXISTS "unaccent";
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- unaccent() is only stable (its dictionary could change). Naming the dictionary makes the key immutable, as an index needs.
CREATE FUNCTION "contact_name_key"(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS 'SELECT lower(public.unaccent(''public.unaccent''::regdictionary, $1))';

CREATE INDEX "contacts_workspace_name_key_trgm_idx" ON "contacts" USING gin ("workspace_id", "contact_name_key"("name") gin_trgm_ops);
