// `npm run -s crm:reencrypt`: after rotating ENCRYPTION_KEY (new key set, old
// one in ENCRYPTION_KEY_PREVIOUS), seals every stored CRM token again with the
// new key; prints how many were resealed. Then drop the old key.
import { resealCrmTokens } from "@/lib/crm/connections";
import { prepareDatabase } from "@/lib/db/database";
import { runCli } from "./cli";

await runCli(async () => {
  const database = await prepareDatabase();
  try {
    return await resealCrmTokens();
  } finally {
    await database.release();
  }
});
