// `npm run -s jobs:drain`: runs every due piece of background work (extraction,
// CRM sync, score pushes, due follow-ups, any job in lib/jobs) through the same
// job definitions the Inngest functions run, until nothing due is left, and
// finishes work a runner that died left claimed; prints a JSON summary. Safe
// beside Inngest and other runners: work is claimed before it is done.
import { hostname } from "node:os";
import { prepareDatabase } from "@/lib/db/database";
import { runJobs } from "@/lib/jobs/drain";
import { runCli } from "./cli";

await runCli(async () => {
  const database = await prepareDatabase();
  try {
    return await runJobs({ mode: "once", worker: `jobs:drain@${hostname()}:${process.pid}` });
  } finally {
    await database.release();
  }
});
