import { describe, expect, it } from "vitest";
import { isValidSignature, secretsEqual, signBody } from "./signature";

const secret = "app-secret";
const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');

describe("isValidSignature", () => {
  it("accepts the HMAC-SHA256 of the raw body, in either hex case", () => {
    const header = signBody(body, secret);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(isValidSignature(body, header, secret)).toBe(true);
    expect(isValidSignature(body, `sha256=${header.slice(7).toUpperCase()}`, secret)).toBe(true);
  });

  it("refuses a missing, malformed or wrong signature", () => {
    expect(isValidSignature(body, null, secret)).toBe(false);
    expect(isValidSignature(body, "", secret)).toBe(false);
    expect(isValidSignature(body, "sha1=abc", secret)).toBe(false);
    expect(isValidSignature(body, "sha256=abcd", secret)).toBe(false);
    expect(isValidSignature(body, signBody(body, "another-secret"), secret)).toBe(false);
  });

  it("refuses a body altered by one byte", () => {
    const header = signBody(body, secret);
    const altered = Buffer.from(body);
    altered[10] = altered[10]! ^ 1;
    expect(isValidSignature(altered, header, secret)).toBe(false);
  });

  it("is computed on bytes, not on re-serialized JSON", () => {
    const spaced = Buffer.from('{"object": "whatsapp_business_account", "entry": []}');
    expect(isValidSignature(spaced, signBody(body, secret), secret)).toBe(false);
    expect(isValidSignature(spaced, signBody(spaced, secret), secret)).toBe(true);
  });
});

describe("secretsEqual", () => {
  it("tells equal from different secrets of any length", () => {
    expect(secretsEqual("token", "token")).toBe(true);
    expect(secretsEqual("token", "token2")).toBe(false);
    expect(secretsEqual("", "token")).toBe(false);
  });
});
