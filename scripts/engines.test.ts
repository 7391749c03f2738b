// Node 22 LTS is declared (package.json engines, .nvmrc), the npm-provided Node
// is that version, and every installed dependency's declared engines accept it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

type Lock = { packages: Record<string, { engines?: { node?: string } | string[]; os?: string[]; cpu?: string[]; optional?: boolean }> };
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string }; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as Lock;

describe("Node version", () => {
  it("is Node 22 LTS in engines, .nvmrc and the npm-provided node", () => {
    expect(semver.minVersion(pkg.engines.node)?.major).toBe(22);
    expect(readFileSync(".nvmrc", "utf8").trim()).toBe("22");
    expect(semver.major(pkg.devDependencies.node!)).toBe(22);
    // `npm run` puts node_modules/.bin first on PATH: the tests themselves run on it.
    expect(process.versions.node).toBe(pkg.devDependencies.node);
  });

  it("is accepted by every installed dependency's declared engines", () => {
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const refused = Object.entries(lock.packages)
      .filter(([location]) => location.startsWith("node_modules/") && existsSync(path.join(location, "package.json")))
      .flatMap(([location, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        if (!range) return [];
        return [oldest, process.versions.node].filter((version) => !semver.satisfies(version, range, { includePrerelease: true })).map((version) => `${location} (${range}) refuses ${version}`);
      });
    expect(refused).toEqual([]);
  });
});
