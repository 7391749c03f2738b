// `npm run -s password:reset-link -- --email EMAIL`: prints a one-time link
// (valid one hour) for that account to choose a new password, for servers that
// send no email. The operator hands it to the person; using it signs them out
// everywhere. Workspace admins cannot make these links.
import { issuePasswordResetLink } from "@/lib/auth/password-changes";
import { prepareDatabase } from "@/lib/db/database";
import { parsePasswordResetLinkArgs } from "./admin-args";
import { runCli } from "./cli";

await runCli(async () => {
  const { email } = parsePasswordResetLinkArgs(process.argv.slice(2));
  const database = await prepareDatabase();
  try {
    const link = await issuePasswordResetLink(email);
    return { path: link.path, url: link.url, expiresAt: link.expiresAt.toISOString() };
  } finally {
    await database.release();
  }
});
