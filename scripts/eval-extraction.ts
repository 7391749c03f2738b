// `npm run eval:extraction [-- DIR]`: runs the embedded provider over the fixture
// conversations (default ../shared/fixtures/conversations) and prints per-field
// accuracy, qualification accuracy/precision/recall and the misses. Always exits
// 0: it reports figures, it does not gate.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseConversationFile } from "@/lib/extraction/conversation-file";
import { extractWithRules } from "@/lib/extraction/embedded-provider";
import { evaluate, expectedLeadSchema, type ExpectedLead } from "@/lib/extraction/evaluation";
import type { ExtractionResult } from "@/lib/extraction/types";

const directory = path.resolve(process.argv[2] ?? "../shared/fixtures/conversations");
let files: string[] = [];
try {
  files = (await readdir(directory)).filter((file) => file.endsWith(".json")).sort();
} catch (error) {
  console.log(`Cannot read ${directory}: ${error instanceof Error ? error.message : String(error)}`);
}
const cases: Array<{ result: ExtractionResult; expected: ExpectedLead }> = [];
for (const file of files) {
  try {
    const text = await readFile(path.join(directory, file), "utf8");
    const input = parseConversationFile(text);
    const expected = expectedLeadSchema.safeParse((JSON.parse(text) as { expected?: unknown }).expected);
    if (!expected.success) {
      console.log(`skipped ${file}: no valid "expected" block`);
      continue;
    }
    cases.push({ result: extractWithRules(input), expected: expected.data });
  } catch (error) {
    console.log(`skipped ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const report = evaluate(cases);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
console.log(`Embedded extraction over ${report.conversations} conversations in ${directory}\n`);
console.log("Field accuracy");
for (const [field, accuracy] of Object.entries(report.fieldAccuracy)) console.log(`  ${field.padEnd(18)}${percent(accuracy)}`);
console.log("\nValidation flags");
for (const [flag, accuracy] of Object.entries(report.validationAccuracy)) console.log(`  ${flag.padEnd(18)}${percent(accuracy)}`);
const q = report.qualifies;
console.log("\nQualification");
console.log(`  accuracy          ${percent(q.accuracy)}`);
console.log(`  precision         ${percent(q.precision)}  (${q.truePositives} true positives, ${q.falsePositives} false positives)`);
console.log(`  recall            ${percent(q.recall)}  (${q.falseNegatives} false negatives)`);
console.log(`\nMisses (${report.misses.length})`);
for (const miss of report.misses) {
  console.log(`  ${miss.conversationId}  ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`);
}
if (report.misses.length === 0) console.log("  none");
