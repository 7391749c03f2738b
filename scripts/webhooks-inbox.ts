// `npm run -s webhooks:inbox -- list` shows WhatsApp deliveries that were
// acknowledged but could not be stored (kept in the inbox with their error);
// `npm run -s webhooks:inbox -- replay ID... | --all` puts them back in line,
// to be stored by the background worker (or Inngest, or `jobs:drain`) once
// the cause is fixed. Content is never printed: it holds personal data.
import { parseArgs } from "node:util";
import { prepareDatabase } from "@/lib/db/database";
import { listFailedDeliveries, replayDeliveries } from "@/lib/ingest/inbox";
import { runCli, UsageError } from "./cli";

const USAGE = "usage: webhooks:inbox -- list | replay DELIVERY_ID... | replay --all";

await runCli(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { all: { type: "boolean", default: false } } });
  const [command, ...ids] = positionals;
  if (command === "list" && ids.length === 0 && !values.all) {
    const database = await prepareDatabase();
    try {
      return await listFailedDeliveries();
    } finally {
      await database.release();
    }
  }
  if (command !== "replay" || values.all === ids.length > 0 || ids.some((id) => !/^\d{1,19}$/.test(id))) throw new UsageError(USAGE);
  const database = await prepareDatabase();
  try {
    return { replayed: await replayDeliveries(values.all ? "all" : { ids }) };
  } finally {
    await database.release();
  }
});
