// People who can sign in: created with a password hash made beforehand (hash
// with hashPassword outside any transaction: Argon2 is slow), found by email.
import { isUniqueViolation } from "@/lib/db/errors";
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "./sign-in";

type Tx = Prisma.TransactionClient;

export async function findUserByEmail(email: string, tx: Tx = db()) {
  return tx.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, email: true, name: true } });
}

/** Creates a person from a password hash (lib/auth/passwords.ts hashPassword); 409 when the email is taken. */
export async function createUser(input: { email: string; passwordHash: string; name?: string | null }, tx: Tx = db()) {
  const email = normalizeEmail(input.email);
  try {
    return await tx.user.create({ data: { email, passwordHash: input.passwordHash, name: input.name ?? null }, select: { id: true, email: true, name: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "A person with this email already exists.");
    throw error;
  }
}
