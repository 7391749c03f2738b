// The Prisma client: one per database URL per process, kept on globalThis so
// Next.js hot reloads do not open new pools. Kept per copy of the generated
// client: the production web server runs our compiled code and Next's bundle
// in one process (scripts/web.ts), and a query built with one copy's
// `Prisma.sql` must run on a client of the same copy (nested fragments are
// recognized by class).
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

const copies = ((globalThis as { __leadbridgePrisma?: WeakMap<object, Map<string, PrismaClient>> }).__leadbridgePrisma ??= new WeakMap());
const clients = copies.get(PrismaClient) ?? new Map<string, PrismaClient>();
copies.set(PrismaClient, clients);

/** The client for the current DATABASE_URL. */
export function db(): PrismaClient {
  const url = databaseUrl();
  let client = clients.get(url);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    clients.set(url, client);
  }
  return client;
}

/** Closes every client this process opened (CLI tools and tests, before exit). */
export async function disconnectDb(): Promise<void> {
  await Promise.all([...clients.values()].map((client) => client.$disconnect()));
  clients.clear();
}

export type { PrismaClient } from "@/lib/generated/prisma/client";
export { Prisma } from "@/lib/generated/prisma/client";
