import { afterEach, describe, expect, it } from "vitest";
import { captureLogs, logger, scrubText, serializeError } from "./log";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function capture(): string[] {
  const lines: string[] = [];
  restore = captureLogs((line) => lines.push(line));
  return lines;
}

describe("logger", () => {
  it("writes one JSON object per line with the level as a word", () => {
    const lines = capture();
    logger.child({ workspaceId: "w1" }).info({ outboxItemId: "o1" }, "work done");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "info", workspaceId: "w1", outboxItemId: "o1", msg: "work done" });
  });

  it("redacts personal data kept under known keys, at any of three depths", () => {
    const lines = capture();
    logger.warn({ email: "ana@example.com", lead: { phone: "+5511987654321", contact: { name: "Ana Souza" } }, body: "hi" }, "lead");
    const line = lines.join("");
    expect(line).not.toContain("ana@example.com");
    expect(line).not.toContain("5511987654321");
    expect(line).not.toContain("Ana Souza");
    expect(line).toContain("[redacted]");
  });

  it("scrubs emails and phone numbers interpolated into the message", () => {
    const lines = capture();
    logger.warn("could not reach luc@martin-immo.fr at +33 6 12 34 56 78");
    const line = lines.join("");
    expect(line).not.toContain("luc@martin-immo.fr");
    expect(line).not.toContain("12 34 56 78");
    expect(line).toContain("[email]");
    expect(line).toContain("[phone]");
  });
});

describe("serializeError", () => {
  it("keeps a Prisma error's type and code, never its message (it echoes query arguments)", () => {
    const error = Object.assign(new Error("Invalid `prisma.contact.create()` invocation: { email: 'ana@example.com' }"), {
      name: "PrismaClientKnownRequestError",
      code: "P2002",
    });
    const logged = serializeError(error);
    expect(logged).toMatchObject({ type: "PrismaClientKnownRequestError", code: "P2002" });
    expect(JSON.stringify(logged)).not.toContain("ana@example.com");
  });

  it("scrubs other errors' messages and keeps the stack frames", () => {
    const logged = serializeError(new Error("HubSpot refused ana@example.com"));
    expect(logged.message).toBe("HubSpot refused [email]");
    expect(logged.stack).toMatch(/at /);
    expect(logged.stack).not.toContain("ana@example.com");
  });
});

describe("scrubText", () => {
  it("leaves ordinary words and short numbers alone", () => {
    expect(scrubText("3 leads synced in 120 ms")).toBe("3 leads synced in 120 ms");
  });

  it("masks CRM credentials that end up in an error's text", () => {
    const scrubbed = scrubText("refused Authorization: Bearer pat-na1-11111111-2222-3333-4444-555555555555 and token pat-eu1-abcdef12-3456");
    expect(scrubbed).not.toContain("pat-");
    expect(scrubbed).not.toContain("5555");
    expect(scrubbed).toBe("refused Authorization: [credential] and token [credential]");
  });

  it("reads at most 2,000 characters of a message, so hostile input stays cheap", () => {
    expect(scrubText("a".repeat(100_000))).toHaveLength(2000);
  });
});
