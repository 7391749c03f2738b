// People who can sign in: created with a hashed password, found by email.
import { isUniqueViolation } from "@/lib/db/errors";
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "./passwords";
import { normalizeEmail } from "./sign-in";

type Tx = Prisma.TransactionClient;

export async function findUserByEmail(email: string, tx: Tx = db()) {
  return tx.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, email: true, name: true } });
}

/** Creates a person; 409 when the email is taken. */
export async function createUser(input: { email: string; password: string; name?: string | null }, tx: Tx = db()) {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await tx.user.create({ data: { email, passwordHash, name: input.name ?? null }, select: { id: true, email: true, name: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "A person with this email already exists.");
    throw error;
  }
}
