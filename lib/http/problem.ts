// problem+json (RFC 9457) responses for API errors.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError, errorStatus } from "@/lib/errors";
import { logger } from "@/lib/log";

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}): Response {
  return Response.json(
    { type: "about:blank", title: titles[status] ?? "Error", status, detail, ...extra },
    { status, headers: { "content-type": "application/problem+json", ...headers } },
  );
}

/** Maps any thrown value to a problem response; unexpected errors are logged with an id. */
export function problemFromError(error: unknown): Response {
  if (error instanceof AppError) {
    return problem(errorStatus[error.code], error.message, { code: error.code, ...error.details });
  }
  if (error instanceof z.ZodError) {
    const invalid = invalidInput(error);
    return problem(422, invalid.message, { code: invalid.code, ...invalid.details });
  }
  const errorId = randomUUID();
  logger.error({ errorId, err: error }, "unexpected error");
  return problem(500, "Something went wrong on our side. Quote this id when reporting it.", { errorId });
}

export function fieldErrors(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
}

/**
 * A 422 whose detail names each bad field and says what is wrong with it
 * (`"reason" is not valid: Invalid option: ...`), with the same list in
 * `errors` for programs. Every zod failure of a request reaches people this way.
 */
export function invalidInput(error: z.ZodError): AppError {
  const errors = fieldErrors(error);
  const sentences = errors.map(({ path, message }) => (path === "(body)" ? `The request is not valid: ${message}.` : `"${path}" is not valid: ${message}.`));
  return new AppError("validation_failed", sentences.join(" ") || "The request is not valid.", { errors });
}
