// `npm run -s webhooks:parked -- list [--all]` shows webhook payloads the app
// could not store (unknown phone_number_id, unreadable messages);
// `npm run -s webhooks:parked -- route ID --workspace W` (W: workspace id or
// slug) registers the number to W and ingests what was parked for it.
import { parseArgs } from "node:util";
import { prepareDatabase } from "@/lib/db/database";
import { listParkedWebhooks, routeParkedWebhook } from "@/lib/ingest/parked-routing";
import { findWorkspaceId } from "@/lib/workspaces/find";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: webhooks:parked -- list [--all] | route PARKED_ID --workspace WORKSPACE_ID_OR_SLUG";

await runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { all: { type: "boolean", default: false }, workspace: { type: "string" } },
  });
  const [command, parkedId] = positionals;
  if (command !== "list" && command !== "route") throw new UsageError(USAGE);
  const database = await prepareDatabase();
  try {
    if (command === "list") return await listParkedWebhooks({ includeRouted: values.all });
    if (!parkedId || !values.workspace) throw new UsageError(USAGE);
    const workspaceId = await findWorkspaceId(values.workspace);
    if (!workspaceId) throw new UsageError(`No workspace with id or slug "${values.workspace}".`);
    return await routeParkedWebhook(parkedId, workspaceId);
  } finally {
    await database.release();
  }
});
