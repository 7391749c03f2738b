import { describe, expect, it } from "vitest";
import { z } from "zod";
import { problemFromError } from "./problem";

const schema = z.object({ version: z.number().int().positive(), reason: z.enum(["spam", "other"]), edits: z.object({ email: z.string().max(5) }).optional() }).strict();

async function answer(input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a validation error");
  const response = problemFromError(result.error);
  return { status: response.status, body: (await response.json()) as { detail: string; code: string; errors: { path: string; message: string }[] } };
}

describe("a 422 for a bad request names each field", () => {
  it("names the field in the detail people read, and in errors for programs", async () => {
    const { status, body } = await answer({ version: 1, reason: "bored" });
    expect(status).toBe(422);
    expect(body.code).toBe("validation_failed");
    expect(body.detail).toMatch(/^"reason" is not valid: /);
    expect(body.detail).not.toContain("The request body is not valid.");
    expect(body.errors).toEqual([{ path: "reason", message: expect.any(String) }]);
  });

  it("names nested fields by their path and lists every bad one", async () => {
    const { body } = await answer({ version: "2", reason: "spam", edits: { email: "far-too-long" } });
    expect(body.detail).toContain('"version" is not valid');
    expect(body.detail).toContain('"edits.email" is not valid');
    expect(body.errors.map((error) => error.path)).toEqual(["version", "edits.email"]);
  });

  it("says what is wrong with the body itself when no field is at fault", async () => {
    const { body } = await answer({ version: 1, reason: "spam", extra: true });
    expect(body.detail).toMatch(/^The request is not valid: .*extra/);
  });
});
