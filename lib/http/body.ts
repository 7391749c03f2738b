// Reads request bodies safely: a size limit (measured on the raw bytes), JSON
// parsing with a clear error, text sanitized for storage (lib/http/sanitize.ts),
// and zod validation.
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { sanitizeJson, sanitizeText } from "./sanitize";

const bodyTooLarge = (limitBytes: number) => new AppError("payload_too_large", `The body is larger than ${limitBytes} bytes.`);

/** The raw body, refusing more than `limitBytes` (checked while reading, not trusted from headers). */
export async function readRawBody(request: Request, limitBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limitBytes) throw bodyTooLarge(limitBytes);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw bodyTooLarge(limitBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The same for a Node request (servers that answer before Next.js: lib/ingest/webhook-node.ts). */
export function readNodeBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  if (Number(request.headers["content-length"] ?? "0") > limitBytes) return Promise.reject(bodyTooLarge(limitBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        request.removeAllListeners("data");
        request.resume();
        reject(bodyTooLarge(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.once("end", () => resolve(Buffer.concat(chunks)));
    request.once("error", reject);
    // A sender that hangs up mid-body: nothing to keep (a settled promise ignores this after the end).
    request.once("close", () => {
      if (!request.complete) reject(new AppError("bad_request", "The request body was cut short."));
    });
  });
}

export function parseJson(raw: Buffer | string): unknown {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  if (text.trim() === "") throw new AppError("bad_request", "The request body is empty; JSON was expected.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the body (a prospect's words, perhaps): say where, never what.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new AppError("bad_request", `The request body is not valid JSON${position ? ` (at character ${position})` : ""}.`);
  }
  return sanitizeJson(parsed);
}

/** Reads a form-encoded body (application/x-www-form-urlencoded) of at most `limitBytes`. */
export async function readFormBody(request: Request, limitBytes: number): Promise<URLSearchParams> {
  const form = new URLSearchParams();
  for (const [name, value] of new URLSearchParams((await readRawBody(request, limitBytes)).toString("utf8"))) form.append(sanitizeText(name), sanitizeText(value));
  return form;
}

/** Reads, parses and validates a JSON body. */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T, limitBytes = 1_000_000): Promise<z.infer<T>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.includes("json")) throw new AppError("unsupported_media_type", "Send the body as application/json.");
  return schema.parse(parseJson(await readRawBody(request, limitBytes)));
}
