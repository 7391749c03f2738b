// The committed .env.example is exactly what the env schema renders: adding or
// changing a variable without `npm run -s env:example` fails here.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envVariables } from "./env";
import { ENV_EXAMPLE_FILE, renderEnvExample } from "./env-example";

describe(".env.example", () => {
  it("matches the env schema (regenerate with `npm run -s env:example`)", () => {
    expect(readFileSync(ENV_EXAMPLE_FILE, "utf8")).toBe(renderEnvExample());
  });

  it("describes every variable and shows its default", () => {
    for (const variable of envVariables()) expect(variable.description, variable.name).not.toBe("");
    expect(renderEnvExample()).toContain("# PORT=3000\n");
    expect(renderEnvExample()).toContain("# DATABASE_URL=\n");
    expect(renderEnvExample()).not.toContain("NEXT_PHASE");
  });
});
