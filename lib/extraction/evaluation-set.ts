// Labelled conversations on disk (the export format with an `expected` block):
// reads a directory of them for `eval:extraction` and the regression gate, and
// prints an evaluation report as the lines the command shows.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseConversationFile } from "./conversation-file";
import { expectedLeadSchema, type EvaluationReport, type ExpectedLead } from "./evaluation";
import type { ConversationInput } from "./types";

/** Where the evaluation sets live, relative to the project root. */
export const EVALUATION_DIRECTORIES = {
  fixtures: "../shared/fixtures/conversations",
  evaluationSet: "tests/extraction/conversations",
} as const;

export interface LabelledConversation {
  file: string;
  input: ConversationInput;
  expected: ExpectedLead;
}

/** Every labelled conversation in `directory`, in file order; files that cannot be read are listed with the reason. */
export async function loadLabelledConversations(directory: string): Promise<{ conversations: LabelledConversation[]; skipped: string[] }> {
  const conversations: LabelledConversation[] = [];
  const skipped: string[] = [];
  const files = (await readdir(directory)).filter((file) => file.endsWith(".json")).sort();
  for (const file of files) {
    try {
      const text = await readFile(path.join(directory, file), "utf8");
      const expected = expectedLeadSchema.safeParse((JSON.parse(text) as { expected?: unknown }).expected);
      if (!expected.success) {
        skipped.push(`${file}: no valid "expected" block`);
        continue;
      }
      conversations.push({ file, input: parseConversationFile(text), expected: expected.data });
    } catch (error) {
      skipped.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { conversations, skipped };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);

/** The report as printed lines: per-field accuracy, validation flags, qualification, and (optionally) every miss. */
export function reportLines(report: EvaluationReport, options: { misses?: boolean } = {}): string[] {
  const lines = ["Field accuracy"];
  for (const [field, accuracy] of Object.entries(report.fieldAccuracy)) lines.push(`  ${field.padEnd(18)}${percent(accuracy)}`);
  lines.push("", "Validation flags");
  for (const [flag, accuracy] of Object.entries(report.validationAccuracy)) lines.push(`  ${flag.padEnd(18)}${percent(accuracy)}`);
  const q = report.qualifies;
  lines.push("", "Qualification");
  lines.push(`  accuracy          ${percent(q.accuracy)}`);
  lines.push(`  precision         ${percent(q.precision)}  (${q.truePositives} true positives, ${q.falsePositives} false positives)`);
  lines.push(`  recall            ${percent(q.recall)}  (${q.falseNegatives} false negatives)`);
  if (options.misses !== false) {
    lines.push("", `Misses (${report.misses.length})`);
    for (const miss of report.misses) lines.push(`  ${miss.conversationId}  ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`);
    if (report.misses.length === 0) lines.push("  none");
  }
  return lines;
}
