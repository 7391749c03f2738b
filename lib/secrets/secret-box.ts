// Sealing secrets we must keep but never show (CRM access tokens) with
// AES-256-GCM. A sealed value names the key that sealed it (a fingerprint, not
// the key), so after a rotation the previous keys still open older values until
// they are sealed again. The context (e.g. "crm_connection:<workspace id>") is
// authenticated data: a sealed value copied to another row does not open.
// Pure: keys are passed in; lib/secrets/keys.ts reads them from env.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;

/** An AES-256 key: 32 bytes, base64 as ENCRYPTION_KEY holds it. */
export type SecretKey = { id: string; bytes: Buffer };

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

/** The key from its base64 form; its id is a short fingerprint, safe to store beside the data. */
export function secretKey(base64: string): SecretKey {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== 32) throw new SecretBoxError("An encryption key must be 32 bytes.");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 12), bytes };
}

export function seal(plaintext: string, key: SecretKey, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, key.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(":");
}

/** The id of the key that sealed `sealed` (to tell which values a rotation still has to reseal). */
export function sealedWith(sealed: string): string {
  const [version, keyId] = sealed.split(":");
  if (version !== VERSION || !keyId) throw new SecretBoxError("This value was not sealed by LeadBridge.");
  return keyId;
}

/** Opens a value sealed with any of `keys` for this context; throws when none fits or it was altered. */
export function open(sealed: string, keys: readonly SecretKey[], context: string): string {
  const parts = sealed.split(":");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError("This value was not sealed by LeadBridge.");
  const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  const key = keys.find((candidate) => candidate.id === keyId);
  if (!key) throw new SecretBoxError(`The key that sealed this value (${keyId}) is not configured: set it in ENCRYPTION_KEY or ENCRYPTION_KEY_PREVIOUS.`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("The sealed value does not open with its key: it was altered or belongs elsewhere.");
  }
}
