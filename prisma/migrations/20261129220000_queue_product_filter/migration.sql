-- The queue's product filter (lib/leads/queue.ts: lower(p.product_interest) = lower($1)).
-- Without an index on the expression PostgreSQL has no statistics for it and
-- guessed 0.5% of proposals for a product held by 18%; it then planned two
-- parallel workers to walk the conversations (20-28 ms at 100,000 conversations
-- instead of 2). With this index ANALYZE keeps the expression's statistics, and a
-- rare product is found on the index. Written by hand: the Prisma schema cannot
-- express an index on an expression.
CREATE INDEX "lead_proposals_workspace_id_product_lower_idx" ON "lead_proposals" ("workspace_id", lower("product_interest"));
