// The fake HubSpot account e2e/web-server.ts starts beside the app, as the specs
// know it (kept apart from support.ts, which needs the Playwright runner).
export const E2E_HUBSPOT_TOKEN = "pat-na1-e2e00000-0000-4000-8000-000000000001";
export const E2E_HUBSPOT_ACCOUNT = { portalId: 4400123, name: "Verde Solar HubSpot", timeZone: "America/Sao_Paulo", pipeline: "WhatsApp leads", stages: ["New from WhatsApp", "Contacted", "Quote sent"] };
