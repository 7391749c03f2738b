// `npm run -s db:migration:create -- NAME`: writes prisma/migrations/<stamp>_NAME
// with the SQL that takes the committed migrations to prisma/schema.prisma.
// Offline equivalent of `prisma migrate dev --create-only`.
import { connectDatabaseServer } from "@/lib/db/database";
import { createMigration } from "@/lib/db/migrations";
import { runCli, UsageError } from "./cli";

await runCli(async () => {
  const name = process.argv[2];
  if (!name) throw new UsageError("usage: npm run -s db:migration:create -- NAME");
  const server = await connectDatabaseServer();
  try {
    const dir = await createMigration(server.url, name);
    return dir ? { created: dir } : { created: null, message: "The schema matches the migrations: nothing to create." };
  } finally {
    await server.release();
  }
});
