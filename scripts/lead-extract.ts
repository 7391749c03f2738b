// `npm run -s lead:extract -- FILE.json [FILE.json ...] [--provider embedded|llm]`:
// reads conversations in the export format and prints one JSON lead line per
// conversation on stdout. A file that cannot be read or parsed, or a provider
// failure, is reported on stderr naming the file; the other files are still
// processed and the exit code is 1. Usage errors exit 2.
import { readFile } from "node:fs/promises";
import { parseConversationFile } from "@/lib/extraction/conversation-file";
import { toLeadLine } from "@/lib/extraction/lead-line";
import { extractorFor, isProviderName, PROVIDER_NAMES, type ProviderName } from "@/lib/extraction/providers";

const USAGE = `usage: lead:extract FILE.json [FILE.json ...] [--provider ${PROVIDER_NAMES.join("|")}]`;

function parseArgs(argv: string[]): { files: string[]; provider?: ProviderName } {
  const files: string[] = [];
  let provider: ProviderName | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--provider" || arg.startsWith("--provider=")) {
      const value = arg.includes("=") ? arg.slice("--provider=".length) : argv[++index];
      if (!value || !isProviderName(value)) throw new Error(`unknown provider "${value ?? ""}"\n${USAGE}`);
      provider = value;
    } else if (arg === "--help" || arg === "-h") {
      throw new Error(USAGE);
    } else if (arg.startsWith("--")) {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new Error(`no conversation files given\n${USAGE}`);
  return { files, provider };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  let extractor: ReturnType<typeof extractorFor>;
  try {
    args = parseArgs(process.argv.slice(2));
    extractor = extractorFor(args.provider);
  } catch (error) {
    process.stderr.write(`lead:extract: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  let failures = 0;
  for (const file of args.files) {
    try {
      const input = parseConversationFile(await readFile(file, "utf8"));
      const outcome = await extractor.extract(input);
      process.stdout.write(`${JSON.stringify(toLeadLine(outcome))}\n`);
      if (!outcome.ok) {
        failures++;
        process.stderr.write(`${file}: extraction failed (${outcome.provider}): ${outcome.reason}\n`);
      }
    } catch (error) {
      failures++;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${file}: ${reason.replace(/^ENOENT: /, "cannot read: ")}\n`);
    }
  }
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
