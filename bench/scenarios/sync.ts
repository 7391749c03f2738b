// sync: 5,000 approved leads (each with its internal contact and a sync_lead
// item due) pushed by the production build's background worker to the fake
// HubSpot (tests/fakes/hubspot-server.ts) limited to 100 requests per rolling
// 10 s, answering 429 beyond. Measured until every lead is synced or the
// bench's time bound passes (then the rest is counted as still queued, not
// lost): records synced per 10 s against 90% of the stated ceiling (1,000 per
// 10 s), the requests HubSpot accepted in its busiest 10 s, the 429s; and
// checked: no contact or deal twice in HubSpot, no lead lost (each synced, or
// still queued/syncing with its work pending), none failed for a 429.
import { randomUUID } from "node:crypto";
import { connectCrm } from "@/lib/crm/connections";
import { databaseUrl, reloadEnv } from "@/lib/env";
import { FakeHubSpot } from "@/tests/fakes/hubspot-server";
import { startApp } from "../support/app";
import { withBenchDatabase } from "@/scripts/bench-database";
import { atLeast, check, type Outcome, type Scenario, type Size } from "../support/scenario";
import { round } from "../support/stats";

const SIZES: Record<Size, { leads: number; boundSeconds: number }> = {
  full: { leads: 5_000, boundSeconds: 150 },
  small: { leads: 60, boundSeconds: 60 },
};
const CEILING_PER_10S = 1_000;

const SEED_SQL = (workspaceId: string, count: number) => `
INSERT INTO workspaces (id, name, slug, default_country, updated_at) VALUES ('${workspaceId}', 'Bench', 'bench-sync', 'BR', now());
INSERT INTO conversations (id, workspace_id, source, contact_wa_id, contact_profile_name, first_message_at, last_message_at, message_count, updated_at)
SELECT gen_random_uuid(), '${workspaceId}', 'import', '55119' || lpad(i::text, 8, '0'), 'Prospect ' || i, now() - interval '1 hour', now() - interval '1 hour', 2, now()
FROM generate_series(1, ${count}) AS i;
INSERT INTO contacts (id, workspace_id, name, email, email_normalized, phone_e164, updated_at)
SELECT gen_random_uuid(), '${workspaceId}', 'Prospect ' || substr(contact_wa_id, 6)::int, 'lead' || substr(contact_wa_id, 6)::int || '@example.com',
       'lead' || substr(contact_wa_id, 6)::int || '@example.com', '+' || contact_wa_id, now()
FROM conversations WHERE workspace_id = '${workspaceId}';
INSERT INTO lead_proposals (id, workspace_id, conversation_id, status, name, email, email_normalized, phone, phone_e164, product_interest, urgency_level,
                            qualifies, contact_id, reviewed_at, reviewed_by, sync_status, updated_at)
SELECT gen_random_uuid(), c.workspace_id, c.id, 'approved', k.name, k.email, k.email_normalized, k.phone_e164, k.phone_e164, 'Solar Kit', 'high',
       true, k.id, now() - interval '10 minutes', 'bench@example.com', 'queued', now()
FROM conversations c JOIN contacts k ON k.workspace_id = c.workspace_id AND k.phone_e164 = '+' || c.contact_wa_id
WHERE c.workspace_id = '${workspaceId}';
INSERT INTO outbox_items (id, workspace_id, kind, payload, dedupe_key, status, available_at)
SELECT gen_random_uuid(), workspace_id, 'sync_lead', jsonb_build_object('leadProposalId', id), id::text, 'pending', now() - interval '1 minute'
FROM lead_proposals WHERE workspace_id = '${workspaceId}';
ANALYZE;
`;

type Counts = { synced: number; failed: number; failedFor429: number; pendingWork: number };

export const syncScenario: Scenario = {
  name: "sync",
  target: "5,000 approved leads to the fake HubSpot limited to 100 requests/10 s: >= 90% of the ceiling (1,000 records per 10 s with batches of 100), zero duplicates, zero lost, 429s handled",
  run: (size, { progress }) =>
    withBenchDatabase(async (client): Promise<Outcome> => {
      const url = databaseUrl();
      const sizes = SIZES[size];
      const workspaceId = randomUUID();
      await client.query(SEED_SQL(workspaceId, sizes.leads));
      const hubspot = new FakeHubSpot({ rateLimit: { limit: 100, windowMs: 10_000 } });
      await hubspot.start();
      // The workspace is connected to the fake's account as Settings -> CRM connects it (HUBSPOT_BASE_URL is per deployment).
      Object.assign(process.env, { HUBSPOT_BASE_URL: hubspot.url });
      reloadEnv();
      await connectCrm(workspaceId, { provider: "hubspot", accessToken: hubspot.accessToken }, { actorType: "system", actorId: null, actorLabel: "bench" });
      const counts = async (): Promise<Counts> =>
        (
          await client.query<Counts>(
            `SELECT count(*) FILTER (WHERE sync_status = 'synced')::int AS synced, count(*) FILTER (WHERE sync_status = 'failed')::int AS failed,
                    count(*) FILTER (WHERE sync_status = 'failed' AND (sync_error ILIKE '%429%' OR sync_error ILIKE '%rate limit%'))::int AS "failedFor429",
                    (SELECT count(*)::int FROM outbox_items WHERE workspace_id = $1 AND kind = 'sync_lead' AND status IN ('pending', 'claimed')) AS "pendingWork"
               FROM lead_proposals WHERE workspace_id = $1`,
            [workspaceId],
          )
        ).rows[0]!;
      const app = await startApp("sync", { databaseUrl: url, env: { HUBSPOT_BASE_URL: hubspot.url } });
      try {
        progress(`sync: ${sizes.leads} leads, for at most ${sizes.boundSeconds} s`);
        const started = Date.now();
        let now = await counts();
        let firstSyncedAt: number | null = null;
        while (now.synced + now.failed < sizes.leads && Date.now() - started < sizes.boundSeconds * 1000) {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          now = await counts();
          if (firstSyncedAt === null && now.synced > 0) firstSyncedAt = Date.now();
        }
        const seconds = (Date.now() - started) / 1000;
        const syncingSeconds = firstSyncedAt === null ? seconds : (Date.now() - firstSyncedAt) / 1000 + 1;
        const perTenSeconds = round((now.synced / syncingSeconds) * 10, 0);
        const contactsByEmail = new Map<string, number>();
        for (const contact of hubspot.objects.contacts.values()) {
          const email = contact.properties.email ?? "";
          contactsByEmail.set(email, (contactsByEmail.get(email) ?? 0) + 1);
        }
        const dealsByConversation = new Map<string, number>();
        for (const deal of hubspot.objects.deals.values()) {
          const key = deal.properties.leadbridge_conversation_id ?? "";
          dealsByConversation.set(key, (dealsByConversation.get(key) ?? 0) + 1);
        }
        const duplicateContacts = [...contactsByEmail.values()].filter((n) => n > 1).length;
        const duplicateDeals = [...dealsByConversation.values()].filter((n) => n > 1).length;
        const status429 = hubspot.requests.filter((request) => request.status === 429).length;
        const unaccounted = sizes.leads - now.synced - now.failed - Math.min(now.pendingWork, sizes.leads - now.synced - now.failed);
        return {
          sizes: { leads: sizes.leads, boundSeconds: sizes.boundSeconds, hubspotLimit: "100 requests / 10 s" },
          figures: {
            synced: now.synced,
            stillQueued: sizes.leads - now.synced - now.failed,
            failed: now.failed,
            seconds: round(seconds, 1),
            recordsPer10s: perTenSeconds,
            requests: hubspot.requests.length,
            requestsPerLead: now.synced ? round(hubspot.requests.length / now.synced, 2) : null,
            busiest10sAccepted: hubspot.busiestWindow(10_000),
            status429,
            hubspotContacts: hubspot.objects.contacts.size,
            hubspotDeals: hubspot.objects.deals.size,
          },
          targets: { recordsPer10s: atLeast(perTenSeconds, CEILING_PER_10S * 0.9, "records / 10 s") },
          checks: [
            check("no contact twice in HubSpot", duplicateContacts === 0, { duplicateContacts }),
            check("no deal twice in HubSpot", duplicateDeals === 0, { duplicateDeals }),
            check("no lead lost: each synced, or its work still pending", unaccounted === 0, { unaccounted }),
            check("no lead failed for a 429", now.failedFor429 === 0, { failedFor429: now.failedFor429 }),
          ],
        };
      } finally {
        await app.stop();
        await hubspot.stop();
      }
    }),
};
