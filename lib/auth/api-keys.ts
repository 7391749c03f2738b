// Workspace API keys for machines: created once and shown once, stored as a
// SHA-256 hash (the key is 256 random bits, so a slow hash adds nothing),
// revocable, scoped to one workspace, sent as `Authorization: Bearer <key>`.
import { createHash, randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const KEY_PREFIX = "lb_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Who creates or revokes a key, for the audit row (an operator's command line is "system"). */
export type KeyActor = { actorType: "user" | "api_key" | "system"; actorId?: string | null; actorLabel?: string | null };
const SYSTEM: KeyActor = { actorType: "system", actorLabel: "command line" };

export async function createApiKey(input: { workspaceId: string; name: string; createdBy?: string; actor?: KeyActor }): Promise<{ id: string; key: string; prefix: string }> {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = key.slice(0, 10);
  const actor = input.actor ?? SYSTEM;
  const row = await db().$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { workspaceId: input.workspaceId, name: input.name, prefix, keyHash: hashApiKey(key), createdBy: input.createdBy ?? actor.actorLabel ?? null },
      select: { id: true },
    });
    await recordAuditEvent({ workspaceId: input.workspaceId, ...actor, action: "api_key.created", targetType: "api_key", targetId: created.id, after: { name: input.name, prefix } }, tx);
    return created;
  });
  return { id: row.id, key, prefix };
}

export async function revokeApiKey(workspaceId: string, apiKeyId: string, actor: KeyActor = SYSTEM): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: apiKeyId, workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("not_found", "API key not found");
    await recordAuditEvent({ workspaceId, ...actor, action: "api_key.revoked", targetType: "api_key", targetId: apiKeyId }, tx);
  });
}

export type ApiKeySummary = { id: string; name: string; prefix: string; createdBy: string | null; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** A workspace's keys, newest first; never the key or its hash. */
export async function listApiKeys(workspaceId: string): Promise<ApiKeySummary[]> {
  return db().apiKey.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export type ApiKeyPrincipal = { kind: "api_key"; workspaceId: string; apiKeyId: string; label: string };

/** The workspace a Bearer key belongs to; 401 when missing, unknown or revoked. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyPrincipal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) throw new AppError("unauthorized", "Send a workspace API key as `Authorization: Bearer <key>`.");
  const row = await db().apiKey.findUnique({
    where: { keyHash: hashApiKey(match[1]) },
    select: { id: true, workspaceId: true, name: true, revokedAt: true },
  });
  if (!row || row.revokedAt) throw new AppError("unauthorized", "The API key is unknown or revoked.");
  // Best effort: a failed timestamp update must not fail the request.
  void db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  return { kind: "api_key", workspaceId: row.workspaceId, apiKeyId: row.id, label: `API key "${row.name}"` };
}
