// The review queue's data at scale, generated in the database: N conversations
// (groups of three share a last_message_at, so ties are exercised) with M
// messages each, 90% with a proposal in a mix of statuses, urgencies, products
// and validation flags, every 50th lead sharing the previous one's phone,
// internal CRM contacts for some, and a second workspace of N/20
// conversations; then ANALYZE. Read by the queue scenario.

export const queueSeedSql = (workspaceId: string, otherWorkspaceId: string, count: number, messagesPerConversation: number) => `
INSERT INTO workspaces (id, name, slug, default_country, updated_at) VALUES
  ('${workspaceId}', 'Bench', 'bench', 'BR', now()), ('${otherWorkspaceId}', 'Other', 'other', 'MX', now());

-- Groups of three conversations share a lastMessageAt, so ties are exercised.
INSERT INTO conversations (id, workspace_id, source, contact_wa_id, contact_profile_name, language, first_message_at, last_message_at, message_count, updated_at)
SELECT gen_random_uuid(), CASE WHEN i <= ${count} THEN '${workspaceId}'::uuid ELSE '${otherWorkspaceId}'::uuid END, 'import',
       '55119' || lpad(i::text, 8, '0'), 'Prospect ' || i, (ARRAY['pt','es','en','hi','de','fr'])[1 + i % 6],
       now() - (i / 3) * interval '1 minute' - interval '1 hour', now() - (i / 3) * interval '1 minute', ${messagesPerConversation}, now()
FROM generate_series(1, ${count + Math.ceil(count / 20)}) AS i;

-- ${messagesPerConversation} messages each, alternating prospect and agent, the last one at last_message_at.
INSERT INTO messages (id, workspace_id, conversation_id, provider_message_id, role, body, sent_at)
SELECT gen_random_uuid(), c.workspace_id, c.id, 'wamid.' || c.contact_wa_id || '.' || k, CASE WHEN k % 2 = 0 THEN 'user' ELSE 'agent' END,
       'Oi, quanto custa? (' || c.contact_profile_name || ', ' || k || ')', c.last_message_at - (k * interval '1 minute')
FROM conversations c CROSS JOIN generate_series(0, ${messagesPerConversation - 1}) AS k;

-- 90% of conversations have a proposal; a mix of statuses, urgencies, products and flags.
INSERT INTO lead_proposals (id, workspace_id, conversation_id, status, name, email, email_normalized, phone, phone_e164,
                            company, product_interest, urgency_level, validation, confidence, qualifies, sync_status, updated_at)
SELECT gen_random_uuid(), c.workspace_id, c.id,
  CASE WHEN b < 60 THEN 'proposed' WHEN b < 75 THEN 'insufficient' WHEN b < 78 THEN 'failed' WHEN b < 88 THEN 'approved'
       WHEN b < 92 THEN 'merged' WHEN b < 97 THEN 'rejected' ELSE 'pending' END,
  (ARRAY['Ana','João','Maria','Carlos','Grace','Hans','Priya','Lucía'])[1 + n % 8] || ' '
    || (ARRAY['Souza','Silva','Adeyemi','Müller','Sharma','García','Dubois'])[1 + (n / 8) % 7] || ' ' || n,
  e, lower(e), ph, ph,
  CASE WHEN n % 4 = 0 THEN 'Company ' || (n % 500) END,
  (ARRAY['Solar Kit','Battery','Inverter','Maintenance','Consulting'])[1 + (n / 7) % 5],
  CASE WHEN n % 5 = 0 THEN 'high' WHEN n % 5 IN (1, 2) THEN 'medium' ELSE 'low' END,
  jsonb_build_object(
    'email_valid', CASE WHEN e IS NULL THEN NULL ELSE n % 13 <> 0 END,
    'phone_valid', n % 17 <> 0,
    'phone_type', CASE WHEN n % 17 = 0 THEN NULL WHEN n % 5 = 3 THEN 'fixed_line' ELSE 'mobile' END,
    'phone_country', 'BR',
    'flags', (CASE WHEN n % 3 = 0 THEN '[{"code":"phone_from_whatsapp","field":"phone"}]'::jsonb ELSE '[]'::jsonb END)
          || (CASE WHEN n % 29 = 0 THEN '[{"code":"email_typo_hint","field":"email","suggestion":"x@gmail.com"}]'::jsonb ELSE '[]'::jsonb END)),
  jsonb_build_object('name', 0.5 + (n % 50) / 100.0, 'email', 0.9, 'phone', 0.8),
  b < 60, CASE WHEN b >= 78 AND b < 92 THEN 'synced' ELSE 'none' END, now()
FROM (
  SELECT c.*, (n * 37) % 100 AS b,
         CASE WHEN n % 7 <> 0 THEN 'Lead' || n || '@' || (ARRAY['gmail.com','hotmail.com','empresa.com.br','gmial.com'])[1 + n % 4] END AS e,
         -- Every 50th lead gives the previous one's phone: a duplicate.
         '+55119' || lpad((CASE WHEN n % 50 = 0 THEN n - 1 ELSE n END)::text, 8, '0') AS ph
  FROM (SELECT c.*, substr(c.contact_wa_id, 6)::int AS n FROM conversations c) c
  WHERE n % 10 <> 0
) c;

-- Internal CRM contacts for some of them (duplicate candidates).
INSERT INTO contacts (id, workspace_id, name, email, email_normalized, phone_e164, updated_at)
SELECT gen_random_uuid(), '${workspaceId}', 'Contact ' || n, 'contact' || n || '@example.com', 'contact' || n || '@example.com',
       '+55119' || lpad(n::text, 8, '0'), now()
FROM generate_series(1, ${count}, 40) AS n;

ANALYZE;
`;
