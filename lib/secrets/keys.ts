// The process's encryption keys from env: ENCRYPTION_KEY seals, it and
// ENCRYPTION_KEY_PREVIOUS open (so a rotation can reseal what older keys sealed).
import { env } from "@/lib/env";
import { secretKey, type SecretKey } from "./secret-box";

/** The key new values are sealed with. */
export function currentKey(): SecretKey {
  return secretKey(env().ENCRYPTION_KEY);
}

/** Every key a sealed value may have been sealed with, current first. */
export function openingKeys(): SecretKey[] {
  return [currentKey(), ...env().ENCRYPTION_KEY_PREVIOUS.map(secretKey)];
}
