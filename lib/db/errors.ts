// Database errors the domain code reacts to.
import { Prisma } from "@/lib/generated/prisma/client";

/** A unique index refused the write (someone else created the same thing first). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The database went away or could not be reached in time (a restart, a cut
 * connection, a full pool, a transaction that outlived its timeout): the same
 * work may succeed once it is back, so it is retried, never blamed on the data.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code.startsWith("P1") || error.code === "P2024" || error.code === "P2028")) return true;
  const message = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  return /ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|connection (?:is )?closed|closed the connection|terminating connection|Can't reach database|timeout exceeded when trying to connect|Transaction already closed/i.test(message);
}
