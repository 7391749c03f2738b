// `npm run -s privacy:erase -- --workspace W (--phone P | --email E)`: erases a
// person's data from workspace W (id or slug): messages, conversations, lead
// proposals, contacts, follow-ups, opt-out; deletes their contact in an outside
// CRM (queued work, run here at once and retried by the runners if the CRM
// does not answer); records that it happened. Prints a JSON summary.
import { prepareDatabase } from "@/lib/db/database";
import { drainDueWork } from "@/lib/jobs/drain";
import { eraseCrmContactJob } from "@/lib/jobs/erase-crm-contact";
import { erasePerson } from "@/lib/privacy/erase";
import { findWorkspace } from "@/lib/workspaces/find";
import { parsePrivacyArgs } from "./admin-args";
import { runCli, UsageError } from "./cli";

await runCli(async () => {
  const args = parsePrivacyArgs("erase", process.argv.slice(2));
  const database = await prepareDatabase();
  try {
    const workspace = await findWorkspace(args.workspace);
    if (!workspace) throw new UsageError(`No workspace with id or slug "${args.workspace}".`);
    const summary = await erasePerson(workspace, args.identifier, { actorType: "system", actorLabel: "privacy:erase (command line)" });
    const crm = summary.crmDeletionsQueued.length > 0 ? await drainDueWork({ worker: `privacy-erase:${process.pid}`, definitions: [eraseCrmContactJob] }) : null;
    return { ...summary, crmDeletions: crm ? { done: crm.done, retrying: crm.retrying, failed: crm.failed, errors: crm.errors.map((e) => e.error) } : { done: 0, retrying: 0, failed: 0, errors: [] } };
  } finally {
    await database.release();
  }
});
