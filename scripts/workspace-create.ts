// `npm run -s workspace:create -- --name NAME --whatsapp-phone-number-id ID
// --default-country CC [--admin-email E [--admin-password P]]`: creates a
// workspace (and its first admin) and prints its id and a new API key as JSON.
import { prepareDatabase } from "@/lib/db/database";
import { createWorkspace } from "@/lib/workspaces/create";
import { parseWorkspaceCreateArgs } from "./admin-args";
import { runCli } from "./cli";

await runCli(async () => {
  const args = parseWorkspaceCreateArgs(process.argv.slice(2));
  const database = await prepareDatabase();
  try {
    return await createWorkspace(args);
  } finally {
    await database.release();
  }
});
