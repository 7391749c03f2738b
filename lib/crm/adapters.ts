// Which CRM a workspace syncs to. The internal CRM is the default; vendors are
// added here (see ARCHITECTURE.md, "Adding a provider").
import { createInternalCrm } from "./internal/adapter";
import type { CrmAdapter } from "./types";

export async function crmAdapterFor(workspaceId: string): Promise<CrmAdapter> {
  return createInternalCrm(workspaceId);
}
