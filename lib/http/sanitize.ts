// Text on its way in, made safe to store: PostgreSQL text cannot hold NUL
// (U+0000 answered 500), and an unpaired UTF-16 surrogate is not a character
// (it cannot be encoded as UTF-8). Every JSON body (lib/http/body.ts parseJson:
// the webhook, imports and every API route), form body and query string passes
// through here: NUL is dropped, a lone surrogate becomes U+FFFD. JSON nested
// deeper than MAX_JSON_DEPTH is refused (400) instead of walked. All linear.
import { AppError } from "@/lib/errors";

/** Deeper than any payload we accept (Meta's webhook nests about ten levels). */
export const MAX_JSON_DEPTH = 64;

// NUL, or a surrogate half without its partner (a high one not followed by a
// low one, a low one not preceded by a high one). One character of lookaround: linear.
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function sanitizeText(text: string): string {
  return text.replace(UNSAFE_TEXT, (match) => (match === "\u0000" ? "" : "\uFFFD"));
}

/**
 * A JSON value with every string and key sanitized, walked without recursion
 * (a deep body cannot overflow the stack). 400 beyond MAX_JSON_DEPTH.
 */
export function sanitizeJson(value: unknown): unknown {
  const root: { value: unknown } = { value };
  const stack: { holder: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [{ holder: root as Record<string, unknown>, key: "value", depth: 0 }];
  while (stack.length > 0) {
    const { holder, key, depth } = stack.pop()!;
    const current = (holder as Record<string | number, unknown>)[key];
    if (typeof current === "string") {
      (holder as Record<string | number, unknown>)[key] = sanitizeText(current);
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) throw new AppError("bad_request", `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++) stack.push({ holder: current, key: index, depth: depth + 1 });
      continue;
    }
    const object = current as Record<string, unknown>;
    for (const name of Object.keys(object)) {
      const clean = sanitizeText(name);
      if (clean !== name) {
        object[clean] = object[name];
        delete object[name];
      }
      stack.push({ holder: object, key: clean, depth: depth + 1 });
    }
  }
  return root.value;
}

/** The request's query parameters, sanitized. */
export function queryParams(request: Request): URLSearchParams {
  const clean = new URLSearchParams();
  for (const [name, value] of new URL(request.url).searchParams) clean.append(sanitizeText(name), sanitizeText(value));
  return clean;
}
