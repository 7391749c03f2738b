// A workspace's own CRM account: connecting it (the token is tested with a real
// read call first and stored only if the CRM accepts it, sealed with
// ENCRYPTION_KEY), testing it again, going back to the internal CRM, and
// opening it for the adapters. The token never leaves this module except to
// the CRM: views, audit rows and logs carry the account, never the token.
import { z } from "zod";
import { recordAuditEvent, type AuditEntry } from "@/lib/audit/record";
import { db, type Prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { currentKey, openingKeys } from "@/lib/secrets/keys";
import { open, seal, sealedWith } from "@/lib/secrets/secret-box";
import { CrmError, CrmPermanentError, CrmRateLimitError } from "./errors";
import { probeHubSpot } from "./hubspot/connection";
import { crmMappingSchema, DEFAULT_CRM_MAPPING, type CrmMapping } from "./mapping";
import type { ConnectableCrm, CrmAccount } from "./types";

export type CrmActor = Pick<AuditEntry, "actorType" | "actorId" | "actorLabel">;

export const crmConnectInputSchema = z.discriminatedUnion("provider", [
  z.object({ provider: z.literal("internal") }).strict(),
  z.object({ provider: z.literal("hubspot"), accessToken: z.string().trim().min(8, "paste the private app's access token").max(1000) }).strict(),
]);
export type CrmConnectInput = z.infer<typeof crmConnectInputSchema>;

/** What anyone may see of a connection: the account and the mapping, never the token. */
export type CrmConnectionView =
  | { provider: "internal" }
  | {
      provider: ConnectableCrm;
      account: Pick<CrmAccount, "accountId" | "name" | "timeZone" | "uiDomain">;
      limits: { requestsPer10s: number; dailyLimit: number | null };
      connectedAt: Date;
      connectedBy: string | null;
      testedAt: Date | null;
      mapping: CrmMapping;
    };

/** A stored connection with its token opened, for building the adapter. */
export interface OpenedCrmConnection {
  provider: ConnectableCrm;
  accessToken: string;
  accountId: string;
  uiDomain: string | null;
  requestsPer10s: number;
  mapping: CrmMapping;
  /** Changes whenever the row does: adapters built from an older version are stale. */
  version: string;
}

export type CrmTestResult = { ok: true; account: CrmAccount } | { ok: false; error: string };

const sealContext = (workspaceId: string) => `crm_connection:${workspaceId}`;

const PROBES: Record<ConnectableCrm, (accessToken: string) => Promise<CrmAccount>> = { hubspot: probeHubSpot };

const connectionSelect = {
  provider: true,
  accessTokenSealed: true,
  accountId: true,
  accountName: true,
  accountTimeZone: true,
  uiDomain: true,
  requestsPer10s: true,
  dailyLimit: true,
  dealPipelineId: true,
  dealStageId: true,
  scoreProperties: true,
  overwriteFields: true,
  connectedAt: true,
  connectedBy: true,
  testedAt: true,
  updatedAt: true,
} as const;

type ConnectionRow = Prisma.CrmConnectionGetPayload<{ select: typeof connectionSelect }>;

function mappingOf(row: ConnectionRow): CrmMapping {
  const parsed = crmMappingSchema.safeParse({
    dealPipelineId: row.dealPipelineId,
    dealStageId: row.dealStageId,
    scoreProperties: row.scoreProperties,
    overwriteFields: row.overwriteFields,
  });
  return parsed.success ? parsed.data : DEFAULT_CRM_MAPPING;
}

function toView(row: ConnectionRow | null): CrmConnectionView {
  if (!row) return { provider: "internal" };
  return {
    provider: row.provider as ConnectableCrm,
    account: { accountId: row.accountId, name: row.accountName, timeZone: row.accountTimeZone, uiDomain: row.uiDomain },
    limits: { requestsPer10s: row.requestsPer10s, dailyLimit: row.dailyLimit },
    connectedAt: row.connectedAt,
    connectedBy: row.connectedBy,
    testedAt: row.testedAt,
    mapping: mappingOf(row),
  };
}

/** The CRM's refusal in words, as the API answers it: a refused token is the request's fault (422), an outage is not. */
export function connectionFailure(error: unknown): AppError {
  if (error instanceof CrmPermanentError) return new AppError("validation_failed", error.reason, { errors: [{ path: "accessToken", message: error.reason }] });
  if (error instanceof CrmRateLimitError) return new AppError("rate_limited", error.message);
  if (error instanceof CrmError) return new AppError("unavailable", error.message);
  throw error;
}

async function probe(provider: ConnectableCrm, accessToken: string): Promise<CrmAccount> {
  try {
    return await PROBES[provider](accessToken);
  } catch (error) {
    throw connectionFailure(error);
  }
}

export async function crmConnectionView(workspaceId: string): Promise<CrmConnectionView> {
  return toView(await db().crmConnection.findUnique({ where: { workspaceId }, select: connectionSelect }));
}

/**
 * Connects the workspace's own account (the token is tested first: a refused
 * token stores nothing), or with `internal` removes the connection. A new
 * account starts from the default mapping; a new token for the same account keeps it.
 */
export async function connectCrm(workspaceId: string, input: CrmConnectInput, actor: CrmActor): Promise<{ connection: CrmConnectionView; account: CrmAccount | null }> {
  if (input.provider === "internal") {
    await db().$transaction(async (tx) => {
      const before = await tx.crmConnection.findUnique({ where: { workspaceId }, select: { provider: true, accountId: true, accountName: true } });
      if (!before) return;
      await tx.crmConnection.delete({ where: { workspaceId } });
      await recordAuditEvent({ ...actor, workspaceId, action: "crm.disconnected", targetType: "workspace", targetId: workspaceId, before }, tx);
    });
    return { connection: { provider: "internal" }, account: null };
  }
  const account = await probe(input.provider, input.accessToken);
  const sealed = seal(input.accessToken, currentKey(), sealContext(workspaceId));
  const details = {
    provider: input.provider,
    accessTokenSealed: sealed,
    accountId: account.accountId,
    accountName: account.name,
    accountTimeZone: account.timeZone,
    uiDomain: account.uiDomain,
    requestsPer10s: account.limits.requestsPer10s ?? 100,
    dailyLimit: account.limits.dailyLimit,
    testedAt: new Date(),
  };
  const row = await db().$transaction(async (tx) => {
    const before = await tx.crmConnection.findUnique({ where: { workspaceId }, select: { provider: true, accountId: true } });
    const sameAccount = before?.provider === input.provider && before.accountId === account.accountId;
    const resetMapping = sameAccount ? {} : { dealPipelineId: null, dealStageId: null, scoreProperties: {}, overwriteFields: [] };
    const saved = await tx.crmConnection.upsert({
      where: { workspaceId },
      create: { workspaceId, ...details, connectedBy: actor.actorLabel ?? null },
      update: { ...details, ...resetMapping, connectedBy: actor.actorLabel ?? null, connectedAt: new Date() },
      select: connectionSelect,
    });
    await recordAuditEvent(
      { ...actor, workspaceId, action: "crm.connected", targetType: "workspace", targetId: workspaceId, before: before ?? undefined, after: { provider: input.provider, accountId: account.accountId, accountName: account.name } },
      tx,
    );
    return saved;
  });
  return { connection: toView(row), account };
}

/**
 * "Test connection": a real read call with the given token (not stored), else
 * with the stored one, whose account details and limits are then refreshed.
 * A refusal is a result (in the CRM's words), not an error.
 */
export async function testCrmConnection(workspaceId: string, candidate?: { provider: ConnectableCrm; accessToken: string }): Promise<CrmTestResult> {
  let stored: OpenedCrmConnection | null = null;
  try {
    stored = candidate ? null : await openCrmConnection(workspaceId);
  } catch (error) {
    if (error instanceof CrmPermanentError) return { ok: false, error: error.reason };
    throw error;
  }
  const target = candidate ?? (stored && { provider: stored.provider, accessToken: stored.accessToken });
  if (!target) return { ok: false, error: "No CRM account is connected: this workspace uses the internal CRM." };
  let account: CrmAccount;
  try {
    account = await probe(target.provider, target.accessToken);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
  if (stored) {
    await db().crmConnection.updateMany({
      where: { workspaceId, accountId: account.accountId },
      data: {
        accountName: account.name,
        accountTimeZone: account.timeZone,
        uiDomain: account.uiDomain,
        ...(account.limits.requestsPer10s !== null ? { requestsPer10s: account.limits.requestsPer10s } : {}),
        dailyLimit: account.limits.dailyLimit,
        testedAt: new Date(),
      },
    });
  }
  return { ok: true, account };
}

/** The stored connection with its token opened; null for the internal CRM. */
export async function openCrmConnection(workspaceId: string): Promise<OpenedCrmConnection | null> {
  const workspace = await db().workspace.findUnique({ where: { id: workspaceId }, select: { crmConnection: { select: connectionSelect } } });
  if (!workspace) throw notFound("Workspace");
  const row = workspace.crmConnection;
  if (!row) return null;
  let accessToken: string;
  try {
    accessToken = open(row.accessTokenSealed, openingKeys(), sealContext(workspaceId));
  } catch (error) {
    // Nothing a retry can fix: the key is missing (a rotation half done) or the row was altered.
    throw new CrmPermanentError(`The stored CRM token cannot be opened (${(error as Error).message}). Restore the key, or connect the account again in Settings -> CRM.`);
  }
  return {
    provider: row.provider as ConnectableCrm,
    accessToken,
    accountId: row.accountId,
    uiDomain: row.uiDomain,
    requestsPer10s: row.requestsPer10s,
    mapping: mappingOf(row),
    version: row.updatedAt.toISOString(),
  };
}

/** After a key rotation: seals every token again with the current ENCRYPTION_KEY. */
export async function resealCrmTokens(): Promise<{ resealed: number; alreadyCurrent: number }> {
  const key = currentKey();
  const rows = await db().crmConnection.findMany({ select: { id: true, workspaceId: true, accessTokenSealed: true } });
  let resealed = 0;
  for (const row of rows) {
    if (sealedWith(row.accessTokenSealed) === key.id) continue;
    const token = open(row.accessTokenSealed, openingKeys(), sealContext(row.workspaceId));
    await db().crmConnection.update({ where: { id: row.id }, data: { accessTokenSealed: seal(token, key, sealContext(row.workspaceId)) } });
    resealed += 1;
  }
  return { resealed, alreadyCurrent: rows.length - resealed };
}
