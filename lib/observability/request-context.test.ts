import { afterEach, describe, expect, it } from "vitest";
import { withErrors } from "@/lib/http/route";
import { captureLogs, logger } from "@/lib/log";
import { setRequestWorkspace } from "./request-context";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function capture(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  restore = captureLogs((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  return lines;
}

const handler = withErrors(async () => {
  logger.info("before the workspace is known");
  setRequestWorkspace("w-1");
  logger.info("after");
  return Response.json({ ok: true });
});
const call = (headers: Record<string, string> = {}) => handler(new Request("http://app.test/api/x", { headers }), { params: Promise.resolve({}) as never });

describe("request context in logs", () => {
  it("stamps every line of a request with its id and, once known, its workspace; the response echoes the id", async () => {
    const lines = capture();
    const response = await call();
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((line) => [line.msg, line.requestId, line.workspaceId])).toEqual([
      ["before the workspace is known", requestId, undefined],
      ["after", requestId, "w-1"],
    ]);
    // Outside a request, no context.
    logger.info("idle");
    expect(lines[2]).not.toHaveProperty("requestId");
  });

  it("keeps a caller's plain X-Request-Id and replaces anything else", async () => {
    expect((await call({ "x-request-id": "lb-123.abc" })).headers.get("x-request-id")).toBe("lb-123.abc");
    expect((await call({ "x-request-id": "bad id \"quoted\" <script>" })).headers.get("x-request-id")).not.toContain("bad");
  });

  it("keeps concurrent requests apart", async () => {
    const lines = capture();
    const [a, b] = await Promise.all([call({ "x-request-id": "req-a" }), call({ "x-request-id": "req-b" })]);
    expect(a.headers.get("x-request-id")).toBe("req-a");
    expect(b.headers.get("x-request-id")).toBe("req-b");
    expect(lines.filter((line) => line.requestId === "req-a")).toHaveLength(2);
    expect(lines.filter((line) => line.requestId === "req-b")).toHaveLength(2);
  });
});
