// `npm run -s apikey:create -- --workspace ID [--name N]`: creates an API key
// for a workspace and prints it (shown once) as JSON.
import { createApiKey } from "@/lib/auth/api-keys";
import { prepareDatabase } from "@/lib/db/database";
import { workspaceSummary } from "@/lib/workspaces/summary";
import { parseApiKeyCreateArgs } from "./admin-args";
import { runCli, UsageError } from "./cli";

await runCli(async () => {
  const args = parseApiKeyCreateArgs(process.argv.slice(2));
  const database = await prepareDatabase();
  try {
    if (!(await workspaceSummary(args.workspaceId))) throw new UsageError(`No workspace has the id ${args.workspaceId}.`);
    const key = await createApiKey({ workspaceId: args.workspaceId, name: args.name });
    return { workspaceId: args.workspaceId, apiKey: { id: key.id, name: args.name, prefix: key.prefix, key: key.key } };
  } finally {
    await database.release();
  }
});
