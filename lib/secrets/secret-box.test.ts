import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { open, seal, sealedWith, secretKey, SecretBoxError } from "./secret-box";

const key = secretKey(randomBytes(32).toString("base64"));
const other = secretKey(randomBytes(32).toString("base64"));
const TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

describe("seal and open", () => {
  it("round-trips, and the sealed form holds neither the token nor any part of it", () => {
    const sealed = seal(TOKEN, key, "crm_connection:w1");
    expect(open(sealed, [key], "crm_connection:w1")).toBe(TOKEN);
    expect(sealed).not.toContain("pat-na1");
    expect(sealed).not.toContain("5555");
    expect(sealedWith(sealed)).toBe(key.id);
    // A fresh IV each time: the same token seals differently.
    expect(seal(TOKEN, key, "crm_connection:w1")).not.toBe(sealed);
  });

  it("does not open without its key, with another key, in another context, or altered", () => {
    const sealed = seal(TOKEN, key, "crm_connection:w1");
    expect(() => open(sealed, [other], "crm_connection:w1")).toThrow(/not configured/);
    const forged = sealed.replace(key.id, other.id);
    expect(() => open(forged, [other], "crm_connection:w1")).toThrow(SecretBoxError);
    expect(() => open(sealed, [key], "crm_connection:w2")).toThrow(/altered or belongs elsewhere/);
    const parts = sealed.split(":");
    parts[4] = Buffer.from("pat-na1-forged").toString("base64url");
    expect(() => open(parts.join(":"), [key], "crm_connection:w1")).toThrow(SecretBoxError);
    expect(() => open("plain-token", [key], "crm_connection:w1")).toThrow(/not sealed/);
  });

  it("opens with a previous key after a rotation", () => {
    const sealed = seal(TOKEN, other, "c");
    expect(open(sealed, [key, other], "c")).toBe(TOKEN);
  });

  it("refuses keys that are not 32 bytes", () => {
    expect(() => secretKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
