// `npm run -s privacy:export -- --workspace W (--phone P | --email E)`: prints
// everything workspace W (id or slug) holds about a person as JSON.
import { prepareDatabase } from "@/lib/db/database";
import { exportPerson } from "@/lib/privacy/export";
import { findWorkspace } from "@/lib/workspaces/find";
import { parsePrivacyArgs } from "./admin-args";
import { runCli, UsageError } from "./cli";

await runCli(async () => {
  const args = parsePrivacyArgs("export", process.argv.slice(2));
  const database = await prepareDatabase();
  try {
    const workspace = await findWorkspace(args.workspace);
    if (!workspace) throw new UsageError(`No workspace with id or slug "${args.workspace}".`);
    return await exportPerson(workspace, args.identifier, { actorType: "system", actorLabel: "privacy:export (command line)" });
  } finally {
    await database.release();
  }
});
