// What PostgreSQL cannot store never reaches it: NUL and lone surrogates.
import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, queryParams, sanitizeJson, sanitizeText } from "./sanitize";
import { parseJson } from "./body";

describe("sanitizeText", () => {
  it("drops NUL and turns unpaired surrogates into U+FFFD, keeping real pairs", () => {
    expect(sanitizeText("a\u0000b")).toBe("ab");
    expect(sanitizeText("x\uD800y")).toBe("x\uFFFDy");
    expect(sanitizeText("x\uDC00y")).toBe("x\uFFFDy");
    expect(sanitizeText("\uDC00\uD800")).toBe("\uFFFD\uFFFD");
    expect(sanitizeText("end\uD83D")).toBe("end\uFFFD");
    expect(sanitizeText("emoji 😀 ok")).toBe("emoji 😀 ok");
    expect(sanitizeText("Olá, São Paulo — 日本")).toBe("Olá, São Paulo — 日本");
    expect(Buffer.from(sanitizeText("\uD800\u0000\uDFFF"), "utf8").toString("utf8")).toBe("\uFFFD\uFFFD");
  });

  it("handles 1 MB of hostile text at once", () => {
    const hostile = "\uD800\u0000".repeat(500_000);
    expect(sanitizeText(hostile)).toBe("\uFFFD".repeat(500_000));
  });
});

describe("sanitizeJson", () => {
  it("cleans strings and keys at every depth, leaves other values alone", () => {
    const parsed = JSON.parse('{"a\\u0000":["x\\u0000y",{"k":"\\ud800"}],"n":1.5,"t":true,"z":null}');
    expect(sanitizeJson(parsed)).toEqual({ a: ["xy", { k: "\uFFFD" }], n: 1.5, t: true, z: null });
    expect(sanitizeJson("top\u0000")).toBe("top");
  });

  it("refuses nesting past the limit with 400, without overflowing the stack", () => {
    const ok = JSON.parse(`${"[".repeat(MAX_JSON_DEPTH)}1${"]".repeat(MAX_JSON_DEPTH)}`);
    expect(() => sanitizeJson(ok)).not.toThrow();
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(() => parseJson(deep)).toThrow(expect.objectContaining({ code: "bad_request" }));
  });

  it("parseJson cleans every body", () => {
    expect(parseJson('{"content":"hi\\u0000 \\udc00"}')).toEqual({ content: "hi \uFFFD" });
  });
});

describe("queryParams", () => {
  it("cleans names and values", () => {
    const params = queryParams(new Request("http://x.test/api?q=%00ana%ED%A0%80&a%00=1"));
    expect(params.get("q")).toBe("ana\uFFFD\uFFFD\uFFFD");
    expect(params.get("a")).toBe("1");
  });
});
