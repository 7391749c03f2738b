// Argument parsing for the operators' admin commands (workspace:create,
// apikey:create): strict, with a usage message and exit code 2 on any mistake.
import { parseArgs } from "node:util";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { UsageError } from "./cli";

export const WORKSPACE_CREATE_USAGE =
  "usage: npm run -s workspace:create -- --name NAME --whatsapp-phone-number-id ID --default-country CC [--admin-email EMAIL [--admin-password PASSWORD]]";
export const APIKEY_CREATE_USAGE = "usage: npm run -s apikey:create -- --workspace WORKSPACE_ID [--name NAME]";
export const CRM_CONNECT_USAGE =
  "usage: npm run -s crm:connect -- --workspace WORKSPACE_ID_OR_SLUG --provider hubspot --access-token TOKEN (or - to read it from stdin) | --provider internal";

function parse(args: string[], options: Record<string, { type: "string" }>, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

function required(values: Record<string, string | undefined>, name: string, usage: string): string {
  const value = values[name]?.trim();
  if (!value) throw new UsageError(`--${name} is required\n${usage}`);
  return value;
}

export type WorkspaceCreateArgs = {
  name: string;
  whatsappPhoneNumberId: string;
  defaultCountry: string;
  admin?: { email: string; password?: string };
};

export function parseWorkspaceCreateArgs(args: string[]): WorkspaceCreateArgs {
  const usage = WORKSPACE_CREATE_USAGE;
  const values = parse(
    args,
    { name: { type: "string" }, "whatsapp-phone-number-id": { type: "string" }, "default-country": { type: "string" }, "admin-email": { type: "string" }, "admin-password": { type: "string" } },
    usage,
  );
  const name = required(values, "name", usage);
  const whatsappPhoneNumberId = required(values, "whatsapp-phone-number-id", usage);
  if (!/^\d{5,20}$/.test(whatsappPhoneNumberId)) throw new UsageError(`--whatsapp-phone-number-id must be the digits of Meta's phone number id\n${usage}`);
  const defaultCountry = required(values, "default-country", usage).toUpperCase();
  if (!/^[A-Z]{2}$/.test(defaultCountry)) throw new UsageError(`--default-country must be an ISO 3166 alpha-2 code such as BR or US\n${usage}`);
  const email = values["admin-email"]?.trim();
  const password = values["admin-password"];
  if (password !== undefined && !email) throw new UsageError(`--admin-password needs --admin-email\n${usage}`);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`--admin-email is not an email address\n${usage}`);
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`--admin-password needs at least ${MIN_PASSWORD_LENGTH} characters\n${usage}`);
  return { name, whatsappPhoneNumberId, defaultCountry, ...(email ? { admin: { email, ...(password !== undefined ? { password } : {}) } } : {}) };
}

export function parseApiKeyCreateArgs(args: string[]): { workspaceId: string; name: string } {
  const usage = APIKEY_CREATE_USAGE;
  const values = parse(args, { workspace: { type: "string" }, name: { type: "string" } }, usage);
  const workspaceId = required(values, "workspace", usage);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(workspaceId)) throw new UsageError(`--workspace must be a workspace id (a UUID)\n${usage}`);
  return { workspaceId, name: values.name?.trim() || "default" };
}

export type CrmConnectArgs = { workspace: string } & ({ provider: "internal" } | { provider: "hubspot"; accessToken: string | "-" });

/** crm:connect: a token only for HubSpot ("-": read from stdin, so it stays out of the process list and shell history). */
export function parseCrmConnectArgs(args: string[]): CrmConnectArgs {
  const usage = CRM_CONNECT_USAGE;
  const values = parse(args, { workspace: { type: "string" }, provider: { type: "string" }, "access-token": { type: "string" } }, usage);
  const workspace = required(values, "workspace", usage);
  const provider = required(values, "provider", usage);
  const accessToken = values["access-token"]?.trim();
  if (provider === "internal") {
    if (accessToken) throw new UsageError(`--access-token is for --provider hubspot; the internal CRM needs none\n${usage}`);
    return { workspace, provider };
  }
  if (provider !== "hubspot") throw new UsageError(`--provider must be hubspot or internal\n${usage}`);
  if (!accessToken) throw new UsageError(`--access-token is required for --provider hubspot (a private app's token)\n${usage}`);
  return { workspace, provider, accessToken };
}
