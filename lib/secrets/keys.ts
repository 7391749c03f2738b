// The process's encryption keys from env: ENCRYPTION_KEY seals, it and
// ENCRYPTION_KEY_PREVIOUS open (so a rotation can reseal what older keys sealed).
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { secretKey, type SecretKey } from "./secret-box";

/** The key new values are sealed with; without ENCRYPTION_KEY (production) nothing can be sealed or opened. */
export function currentKey(): SecretKey {
  const key = env().ENCRYPTION_KEY;
  if (!key) throw new AppError("unavailable", "ENCRYPTION_KEY is not set: CRM tokens cannot be stored or opened. Set it (32 random bytes in base64, `openssl rand -base64 32`) and restart.");
  return secretKey(key);
}

/** Every key a sealed value may have been sealed with, current first. */
export function openingKeys(): SecretKey[] {
  return [currentKey(), ...env().ENCRYPTION_KEY_PREVIOUS.map(secretKey)];
}
