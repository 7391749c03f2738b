// `npm run -s env:example`: writes .env.example from the env schema (lib/env.ts).
import { writeFileSync } from "node:fs";
import { ENV_EXAMPLE_FILE, renderEnvExample } from "@/lib/env-example";

writeFileSync(ENV_EXAMPLE_FILE, renderEnvExample());
process.stdout.write(`wrote ${ENV_EXAMPLE_FILE}\n`);
