// `npm run -s eval:extraction [-- DIR ...]`: runs the embedded provider over
// labelled conversations (by default the shared fixtures and this project's
// evaluation set, tests/extraction/conversations) and prints, per directory,
// per-field accuracy, qualification accuracy/precision/recall and the misses.
// Always exits 0 on readable input: it reports figures; the regression gate
// (lib/extraction/evaluation-gate.test.ts) is what fails a build.
import path from "node:path";
import { extractWithRules } from "@/lib/extraction/embedded-provider";
import { evaluate } from "@/lib/extraction/evaluation";
import { EVALUATION_DIRECTORIES, loadLabelledConversations, reportLines } from "@/lib/extraction/evaluation-set";

const given = process.argv.slice(2);
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
