// Database errors the domain code reacts to.
import { Prisma } from "@/lib/generated/prisma/client";

/** A unique index refused the write (someone else created the same thing first). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
