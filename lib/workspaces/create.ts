// Creates a workspace for an operator: its WhatsApp number, optionally its
// first admin (a new or existing person), and a first API key (shown once).
import { randomBytes } from "node:crypto";
import { createApiKey } from "@/lib/auth/api-keys";
import { recordAuditEvent } from "@/lib/audit/record";
import { createUser, findUserByEmail } from "@/lib/auth/users";
import { db, Prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type NewWorkspace = {
  name: string;
  whatsappPhoneNumberId: string;
  defaultCountry: string;
  admin?: { email: string; password?: string | null };
};

const SYSTEM = { actorType: "system" as const, actorLabel: "command line" };

export function slugFor(name: string): string {
  const base = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return `${base || "workspace"}-${randomBytes(3).toString("hex")}`;
}

export async function createWorkspace(input: NewWorkspace) {
  const created = await db().$transaction(async (tx) => {
    const taken = await tx.whatsAppNumber.findUnique({ where: { phoneNumberId: input.whatsappPhoneNumberId }, select: { id: true } });
    if (taken) throw new AppError("conflict", `WhatsApp phone number id ${input.whatsappPhoneNumberId} already belongs to a workspace.`);
    const workspace = await tx.workspace.create({
      data: {
        name: input.name,
        slug: slugFor(input.name),
        defaultCountry: input.defaultCountry.toUpperCase(),
        // The server's default; each workspace's admins change their own in Settings.
        extractionQuietSeconds: env().EXTRACTION_QUIET_SECONDS,
        whatsappNumbers: { create: { phoneNumberId: input.whatsappPhoneNumberId } },
      },
      select: { id: true, name: true, slug: true },
    });
    await recordAuditEvent({ workspaceId: workspace.id, ...SYSTEM, action: "workspace.created", targetType: "workspace", targetId: workspace.id, after: { name: input.name } }, tx);
    const admin = input.admin ? await addFirstAdmin(tx, workspace.id, input.admin) : null;
    return { workspace, admin };
  }, { timeout: 15_000 });
  const apiKey = await createApiKey({ workspaceId: created.workspace.id, name: "default" });
  return {
    workspaceId: created.workspace.id,
    name: created.workspace.name,
    slug: created.workspace.slug,
    admin: created.admin,
    apiKey: { id: apiKey.id, prefix: apiKey.prefix, key: apiKey.key },
  };
}

async function addFirstAdmin(tx: Prisma.TransactionClient, workspaceId: string, admin: { email: string; password?: string | null }) {
  let user = await findUserByEmail(admin.email, tx);
  const isNew = !user;
  if (user && admin.password) throw new AppError("conflict", `${user.email} already has an account: omit the password to make them admin.`);
  if (!user) {
    if (!admin.password) throw new AppError("validation_failed", `${admin.email} has no account yet: give a password for it.`);
    user = await createUser({ email: admin.email, password: admin.password }, tx);
  }
  const membership = await tx.membership.create({ data: { workspaceId, userId: user.id, role: "admin" }, select: { id: true } });
  await recordAuditEvent({ workspaceId, ...SYSTEM, action: "member.added", targetType: "membership", targetId: membership.id, after: { email: user.email, role: "admin" } }, tx);
  return { userId: user.id, email: user.email, created: isNew };
}
