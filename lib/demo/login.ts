// The demo workspace's admin login, documented in README.md, and where it may
// exist: `npm run dev` creates the demo on an empty database, `npm start` only
// when SEED_DEMO=true says so, and a production server never prints the login.
import { env } from "@/lib/env";
import { demoWorkspaceExists } from "@/lib/workspaces/summary";

export const DEMO_LOGIN = { email: "demo@leadbridge.local", password: "leadbridge-demo" } as const;

/** Whether a start in `mode` seeds the demo: SEED_DEMO when set, else only the development server. */
export function shouldSeedDemo(mode: "dev" | "start", seedDemo: boolean | undefined): boolean {
  return seedDemo ?? mode === "dev";
}

/** The demo login for the sign-in page: only outside production, and only while the demo workspace exists. */
export async function demoLoginToShow(): Promise<typeof DEMO_LOGIN | null> {
  if (env().NODE_ENV === "production") return null;
  return (await demoWorkspaceExists()) ? DEMO_LOGIN : null;
}
