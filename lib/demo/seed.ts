// Creates the demo workspace on the first start of an empty database, so a new
// user sees a working product at once. Does nothing when any workspace exists.
// Its admin is the documented demo login, for local use only.
import { env } from "@/lib/env";
import { lockForTransaction } from "@/lib/db/locks";
import { createUser, findUserByEmail } from "@/lib/auth/users";
import { db, Prisma } from "@/lib/db/client";
import { extractLead } from "@/lib/leads/extract-lead";
import { DEMO_LOGIN } from "./login";
import { DEMO_CONVERSATIONS, DEMO_WORKSPACE, type DemoConversation } from "./conversations";

const HOUR = 3_600_000;
const MINUTE = 60_000;

function messageTimes(conversation: DemoConversation, now: number): Date[] {
  const end = now - conversation.hoursAgo * HOUR;
  const total = conversation.messages.reduce((sum, message) => sum + message.minutesLater, 0);
  let at = end - total * MINUTE;
  return conversation.messages.map((message) => {
    at += message.minutesLater * MINUTE;
    return new Date(at);
  });
}

/** Seeds the demo workspace; returns what it created, or null when the database already had a workspace. */
export async function seedDemoWorkspace(now = Date.now()): Promise<{ workspaceId: string; conversations: number } | null> {
  const seeded = await db().$transaction(
    async (tx): Promise<{ workspaceId: string; conversations: number } | null> => {
      // Serializes concurrent first starts (app and a CLI tool at once).
      await lockForTransaction(tx, "leadbridge:seed-demo");
      if ((await tx.workspace.count()) > 0) return null;

      const workspace = await tx.workspace.create({
        data: {
          name: DEMO_WORKSPACE.name,
          slug: DEMO_WORKSPACE.slug,
          defaultCountry: DEMO_WORKSPACE.defaultCountry,
          timezone: DEMO_WORKSPACE.timezone,
          products: [...DEMO_WORKSPACE.products],
          isDemo: true,
          extractionQuietSeconds: env().EXTRACTION_QUIET_SECONDS,
          whatsappNumbers: {
            create: { phoneNumberId: DEMO_WORKSPACE.whatsappPhoneNumberId, displayPhoneNumber: DEMO_WORKSPACE.whatsappDisplayNumber },
          },
        },
      });

      const demoUser = (await findUserByEmail(DEMO_LOGIN.email, tx)) ?? (await createUser({ ...DEMO_LOGIN, name: "Demo admin" }, tx));
      await tx.membership.create({ data: { workspaceId: workspace.id, userId: demoUser.id, role: "admin" } });

      for (const demo of DEMO_CONVERSATIONS) {
        const times = messageTimes(demo, now);
        const userTimes = times.filter((_, i) => demo.messages[i]!.role === "user");
        const conversation = await tx.conversation.create({
          data: {
            workspaceId: workspace.id,
            externalId: `demo-${demo.key}`,
            source: "demo",
            contactWaId: demo.waId,
            contactProfileName: demo.profileName,
            language: demo.language,
            firstMessageAt: times[0]!,
            lastMessageAt: times.at(-1)!,
            lastUserMessageAt: userTimes.at(-1) ?? null,
            messageCount: demo.messages.length,
          },
        });
        await tx.message.createMany({
          data: demo.messages.map((message, i) => ({
            workspaceId: workspace.id,
            conversationId: conversation.id,
            providerMessageId: `wamid.demo.${demo.key}.${i}`,
            role: message.role,
            type: "text",
            body: message.text,
            sentAt: times[i]!,
          })),
        });
      }
      return { workspaceId: workspace.id, conversations: DEMO_CONVERSATIONS.length };
    },
    // maxWait: on a busy machine the second of two concurrent first starts can wait past the 2 s default for its connection.
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, timeout: 60_000, maxWait: 15_000 },
  );
  if (!seeded) return null;
  // Proposals come from the real extractor, as they would in production.
  const conversations = await db().conversation.findMany({ where: { workspaceId: seeded.workspaceId }, select: { id: true } });
  for (const conversation of conversations) await extractLead(seeded.workspaceId, conversation.id, "embedded");
  return seeded;
}
