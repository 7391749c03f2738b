// `npm run -s jobs:drain`: raises the notifications now due, then runs every
// due outbox item (extraction, CRM sync, score pushes, due follow-ups,
// notification webhooks) through the same services the Inngest functions
// use, until nothing due is left; prints a JSON summary. For operators when no
// Inngest engine is reachable. Safe beside running Inngest functions: items are
// claimed before they are worked.
import { hostname } from "node:os";
import { prepareDatabase } from "@/lib/db/database";
import { runBackgroundRound } from "@/lib/outbox/background-round";
import { runCli } from "./cli";

await runCli(async () => {
  const database = await prepareDatabase();
  try {
    return await runBackgroundRound(`jobs:drain@${hostname()}:${process.pid}`);
  } finally {
    await database.release();
  }
});
