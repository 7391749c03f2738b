// The shape every command-line entry point shares: run, print a JSON result on
// stdout, print errors on stderr with a non-zero exit, close connections.
import { disconnectDb } from "@/lib/db/client";

export class UsageError extends Error {
  override name = "UsageError";
}

export async function runCli(main: () => Promise<unknown>): Promise<void> {
  let code = 0;
  try {
    const result = await main();
    if (result !== undefined) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    code = error instanceof UsageError ? 2 : 1;
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await disconnectDb();
  }
  // Exit explicitly: the embedded server's exit hook stops it when this process owns it.
  process.exit(code);
}
