// `lead:extract` run as a process: one JSON line per conversation, malformed
// files named on stderr without stopping the others, and the LLM provider
// reached through OPENAI_* settings (here, the local fake server).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/tests/fakes/openai-server";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, ["scripts/lead-extract.ts", ...args], { cwd: root, env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", ...env } as NodeJS.ProcessEnv, timeout: 30_000, encoding: "utf8" }, (error: (Error & { code?: unknown }) | null, stdout: string, stderr: string) => {
      const code = error && typeof error.code === "number" ? error.code : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const exported = (id: string, text: string) =>
  JSON.stringify({
    id,
    channel: "whatsapp",
    client: { name: "Casa Verde", defaultCountry: "ES", products: ["Jardinería Mensual", "Poda de Árboles"] },
    contact: { wa_id: "34655443322", profile_name: "Nacho" },
    messages: [
      { id: `${id}-1`, role: "user", content: text, at: "2026-05-04T10:00:00+02:00" },
      { id: `${id}-2`, role: "assistant", content: "¡Claro! ¿Tu email?", at: "2026-05-04T10:01:00+02:00" },
      { id: `${id}-3`, role: "user", content: "ignacio.ruiz@gmail.com", at: "2026-05-04T10:02:00+02:00" },
    ],
    expected: { whatever: true },
    notes: "unknown keys are ignored",
  });

let dir: string;
let server: FakeOpenAiServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lead-extract-"));
  await writeFile(path.join(dir, "a.json"), exported("a", "Hola, me llamo Ignacio Ruiz, quiero poda de árboles urgente"));
  await writeFile(path.join(dir, "broken.json"), "{ this is not json");
  await writeFile(path.join(dir, "b.json"), exported("b", "Buenas, soy Marta Gil. Jardinería mensual para el chalet, sin prisa"));
  server = await startFakeOpenAiServer();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await server.close();
});

// Each case spawns the CLI (tsx compiles it first): allow for a busy machine.
describe("lead:extract", { timeout: 60_000 }, () => {
  it("prints one line per good file and names the malformed one on stderr", async () => {
    const run = await runCli([path.join(dir, "a.json"), path.join(dir, "broken.json"), path.join(dir, "b.json")]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { id: string; lead: Record<string, unknown>; qualifies: boolean });
    expect(lines.map((line) => line.id)).toEqual(["a", "b"]);
    expect(lines[0]!.lead).toEqual({
      name: "Ignacio Ruiz",
      email: "ignacio.ruiz@gmail.com",
      phone: "+34655443322",
      company: null,
      product_interest: "Poda de Árboles",
      urgency_level: "high",
    });
    expect(lines[1]!.lead).toMatchObject({ name: "Marta Gil", product_interest: "Jardinería Mensual", urgency_level: "low" });
    expect(run.stderr).toContain("broken.json: not valid JSON");
  });

  it("exits 2 with usage on bad arguments", async () => {
    const run = await runCli(["--provider", "nope", path.join(dir, "a.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown provider/);
  });

  it("uses the LLM provider from the OPENAI_* settings, and reports its failure per file", async () => {
    server.enqueue(
      {
        kind: "content",
        content: JSON.stringify({
          name: { value: "Ignacio Ruiz", message_id: "a-1", quote: "me llamo Ignacio Ruiz" },
          email: { value: "ignacio.ruiz@gmail.com", message_id: "a-3", quote: "ignacio.ruiz@gmail.com" },
          phone: null,
          company: null,
          product_interest: { value: "Poda de Árboles", message_id: "a-1", quote: "quiero poda de árboles urgente" },
          urgency_level: { value: "high", message_id: "a-1", quote: "urgente" },
          whatsapp_number_not_owned: false,
        }),
      },
      { kind: "content", content: "Sure! Here is the lead: Marta Gil" },
    );
    const env = { OPENAI_API_KEY: server.apiKey, OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "gpt-test" };
    const run = await runCli([path.join(dir, "a.json"), path.join(dir, "b.json"), "--provider", "llm"], env);
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { id: string; provider: string; qualifies: boolean; lead: unknown; error?: string });
    expect(lines[0]).toMatchObject({ id: "a", provider: "llm", qualifies: true });
    expect(lines[1]).toMatchObject({ id: "b", provider: "llm", lead: null, qualifies: false });
    expect(lines[1]!.error).toMatch(/invalid JSON/);
    expect(run.stderr).toMatch(/b\.json: extraction failed \(llm\)/);
    expect(run.code).toBe(1);
  });
});
