// `npm run -s jobs:drain`: runs every due outbox item (extraction, CRM sync,
// score pushes, due follow-ups) through the same services the Inngest functions
// use, until nothing due is left; prints a JSON summary. For operators when no
// Inngest engine is reachable. Safe beside running Inngest functions: items are
// claimed before they are worked.
import { hostname } from "node:os";
import { prepareDatabase } from "@/lib/db/database";
import { drainOutbox } from "@/lib/outbox/drain";
import { outboxHandlers } from "@/lib/outbox/handlers";
import { runCli } from "./cli";

await runCli(async () => {
  const database = await prepareDatabase();
  try {
    return await drainOutbox({ handlers: outboxHandlers, worker: `jobs:drain@${hostname()}:${process.pid}` });
  } finally {
    await database.release();
  }
});
