// .env.example, rendered from the env schema (lib/env.ts): every variable an
// operator may set, with its description and default, commented out so a copy
// changes nothing until a line is uncommented. `npm run -s env:example` writes
// it; lib/env-example.test.ts fails when the committed file differs.
import { envVariables, RETIRED_VARIABLES } from "@/lib/env";

/** Variables the tools set themselves; an operator never does. */
const SET_BY_TOOLS = new Set(["NODE_ENV", "NEXT_PHASE", "WORKER_METRICS_URL"]);

export const ENV_EXAMPLE_FILE = ".env.example";

export function renderEnvExample(): string {
  const header = [
    "# LeadBridge configuration: every variable the app reads, with its default.",
    "# Generated from lib/env.ts by `npm run -s env:example`; edit the schema, not this file.",
    "# Set them in the environment (docker compose: `env_file: .env`). A wrong value stops",
    "# the start with a message naming it.",
  ];
  const blocks = envVariables()
    .filter((variable) => !SET_BY_TOOLS.has(variable.name) && !RETIRED_VARIABLES.has(variable.name))
    .map((variable) => `# ${variable.description}\n# ${variable.name}=${variable.defaultValue ?? ""}`);
  return `${header.join("\n")}\n\n${blocks.join("\n\n")}\n`;
}
