// `npm run -s eval:extraction [-- DIR ...]`: runs the embedded provider over
// labelled conversations (by default the shared fixtures and this project's
// evaluation set, tests/extraction/conversations) and prints, per directory,
// per-field accuracy, qualification accuracy/precision/recall and the misses.
// `-- --workspace W` (id or slug) replays that workspace's approved leads and
// prints per-field accuracy before (what extraction proposed) and after
// (extraction now, with what the reviewers taught). Reports figures; the
// regression gate (lib/extraction/evaluation-gate.test.ts) fails a build.
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db/client";
import { extractWithRules } from "@/lib/extraction/embedded-provider";
import { EVALUATED_FIELDS, evaluate } from "@/lib/extraction/evaluation";
import { EVALUATION_DIRECTORIES, loadLabelledConversations, reportLines } from "@/lib/extraction/evaluation-set";
import { replayApprovedLeads } from "@/lib/leads/replay";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: eval:extraction [-- DIR ...] | [-- --workspace WORKSPACE_ID_OR_SLUG]";

async function evaluateDirectories(given: string[]): Promise<void> {
  const directories = given.length > 0 ? given : Object.values(EVALUATION_DIRECTORIES);
  for (const directory of directories.map((dir) => path.resolve(dir))) {
    let loaded: Awaited<ReturnType<typeof loadLabelledConversations>>;
    try {
      loaded = await loadLabelledConversations(directory);
    } catch (error) {
      console.log(`Cannot read ${directory}: ${error instanceof Error ? error.message : String(error)}\n`);
      continue;
    }
    for (const reason of loaded.skipped) console.log(`skipped ${reason}`);
    const report = evaluate(loaded.conversations.map(({ input, expected }) => ({ result: extractWithRules(input), expected })));
    console.log(`Embedded extraction over ${report.conversations} conversations in ${directory}\n`);
    console.log(reportLines(report).join("\n"));
    console.log("");
  }
}

async function replayWorkspace(slugOrId: string): Promise<void> {
  const workspace = await db().workspace.findFirst({
    where: /^[0-9a-f-]{36}$/i.test(slugOrId) ? { id: slugOrId } : { slug: slugOrId },
    select: { id: true, name: true },
  });
  if (!workspace) throw new UsageError(`No workspace with id or slug "${slugOrId}".`);
  const { leads, before, after } = await replayApprovedLeads(workspace.id);
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(8);
  console.log(`Approved leads of ${workspace.name} replayed: ${leads}\n`);
  console.log(`  ${"field".padEnd(18)}  before     after`);
  for (const field of EVALUATED_FIELDS) console.log(`  ${field.padEnd(18)}${percent(before.fieldAccuracy[field])}${percent(after.fieldAccuracy[field])}`);
  console.log(`  ${"qualifies".padEnd(18)}${percent(before.qualifies.accuracy)}${percent(after.qualifies.accuracy)}`);
  console.log(`\nMisses now (${after.misses.length})`);
  for (const miss of after.misses) console.log(`  ${miss.conversationId}  ${miss.field}: approved ${JSON.stringify(miss.expected)}, extracted ${JSON.stringify(miss.actual)}`);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ options: { workspace: { type: "string" } }, allowPositionals: true });
  } catch {
    console.error(USAGE);
    process.exit(2);
  }
})();

if (values.workspace !== undefined) {
  if (positionals.length > 0) {
    console.error(USAGE);
    process.exit(2);
  }
  await runCli(() => replayWorkspace(values.workspace!));
} else {
  await evaluateDirectories(positionals);
}
