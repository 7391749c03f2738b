// The second half of `npm run build`, after `next build`: compiles the launcher,
// the background worker and the command-line tools to dist/*.mjs (plain
// JavaScript that `node` runs, so a release needs no tsx or TypeScript), and
// completes Next's standalone server with what it does not copy itself: the
// static assets and the committed migrations (/api/ready compares them).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { build, type Plugin } from "esbuild";

/**
 * Packages stay in node_modules (external), but Node's ESM loader, unlike a
 * bundler, cannot import a folder or a file without its extension from a
 * package that has no "exports" map (e.g. `@hubspot/api-client/lib/codegen/crm/contacts`):
 * such deep imports are rewritten to the exact file. JSON data files are bundled.
 */
const packagesExternal: Plugin = {
  name: "packages-external",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@/") || args.pluginData === "inner") return undefined;
      // A package's JSON data (e.g. stopwords-iso's lists) is bundled: Node's ESM loader
      // would demand an import attribute the TypeScript source does not carry.
      if (args.path.endsWith(".json")) return undefined;
      const name = args.path.split("/").slice(0, args.path.startsWith("@") ? 2 : 1).join("/");
      if (name === args.path || args.path.startsWith("node:")) return { path: args.path, external: true };
      const resolved = await context.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "inner" });
      const root = resolved.path.slice(0, resolved.path.lastIndexOf(`${path.sep}node_modules${path.sep}`) + 1) + path.join("node_modules", name);
      if (resolved.errors.length > 0 || !resolved.path.startsWith(root)) return { path: args.path, external: true };
      const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { exports?: unknown };
      if (manifest.exports) return { path: args.path, external: true };
      return { path: `${name}/${path.relative(root, resolved.path).split(path.sep).join("/")}`, external: true };
    });
  },
};

const entryPoints = readdirSync("scripts")
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && file !== "build-release.ts")
  .map((file) => `scripts/${file}`);

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints,
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  // Code shared by entry points, and what is imported lazily (`import()`), goes into chunks: an entry
  // loads only what it reaches, and the launcher and the web server in one process share one copy.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  // Our own code (`@/...` through tsconfig paths) is bundled; packages load from node_modules.
  plugins: [packagesExternal],
  logLevel: "warning",
});

const standalone = ".next/standalone";
if (!existsSync(standalone)) throw new Error("next build made no .next/standalone: is `output: \"standalone\"` still in next.config.mjs?");
cpSync(".next/static", `${standalone}/.next/static`, { recursive: true });
cpSync("prisma/migrations", `${standalone}/prisma/migrations`, { recursive: true });
if (existsSync("public")) cpSync("public", `${standalone}/public`, { recursive: true });
process.stdout.write(`compiled ${entryPoints.length} entry points to dist/; completed ${standalone}\n`);
