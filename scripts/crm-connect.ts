// `npm run -s crm:connect -- --workspace W --provider hubspot --access-token T`
// connects workspace W (id or slug) to its own HubSpot account: the token is
// tested with a real read call and stored (sealed) only if HubSpot accepts it;
// prints JSON with the account found. `--provider internal` goes back to the
// internal CRM (the stored token is deleted).
import { connectCrm } from "@/lib/crm/connections";
import { prepareDatabase } from "@/lib/db/database";
import { findWorkspaceId } from "@/lib/workspaces/find";
import { parseCrmConnectArgs } from "./admin-args";
import { runCli, UsageError } from "./cli";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

await runCli(async () => {
  const args = parseCrmConnectArgs(process.argv.slice(2));
  const input = args.provider === "internal"
    ? { provider: args.provider }
    : { provider: args.provider, accessToken: args.accessToken === "-" ? await readStdin() : args.accessToken };
  const database = await prepareDatabase();
  try {
    const workspaceId = await findWorkspaceId(args.workspace);
    if (!workspaceId) throw new UsageError(`No workspace with id or slug "${args.workspace}".`);
    const { connection, account } = await connectCrm(workspaceId, input, { actorType: "system", actorId: null, actorLabel: "crm:connect" });
    if (connection.provider === "internal") return { workspaceId, provider: "internal" };
    return { workspaceId, provider: connection.provider, account: { ...connection.account }, limits: account?.limits ?? null, mapping: connection.mapping };
  } finally {
    await database.release();
  }
});
