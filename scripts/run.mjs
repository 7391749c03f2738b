// Runs a command-line tool by name (`node scripts/run.mjs jobs-drain ARGS`): its
// TypeScript source through tsx when development dependencies are installed,
// else the build's compiled dist/<name>.mjs (a release pruned to production
// dependencies). Plain JavaScript, so it runs in both.
import { existsSync } from "node:fs";

const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  process.stderr.write("usage: node scripts/run.mjs TOOL [ARGS...]\n");
  process.exit(2);
}
// The tool reads its own arguments from process.argv.slice(2).
process.argv.splice(2, 1);

// A tool runs when imported, or exports `main` (so that other code can import
// what it exports without running it): then it runs when main is called.
async function runTool(tool) {
  if (typeof tool.main === "function") await tool.main();
}

let tsx;
try {
  tsx = await import("tsx/esm/api");
} catch {
  tsx = undefined;
}
if (tsx) {
  tsx.register();
  await runTool(await import(new URL(`./${name}.ts`, import.meta.url).href));
} else {
  const compiled = new URL(`../dist/${name}.mjs`, import.meta.url);
  if (!existsSync(compiled)) {
    process.stderr.write(`dist/${name}.mjs is missing: run \`npm run build\` first (or install the development dependencies).\n`);
    process.exit(1);
  }
  await runTool(await import(compiled.href));
}
