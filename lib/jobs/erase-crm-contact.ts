// erase_crm_contact: deletes a person's contact from the outside CRM account it
// was synced to (HubSpot's GDPR delete) after their data was erased here
// (lib/privacy/erase.ts), and records that it happened. Queued in the
// erasure's transaction, so it is retried until the CRM confirms, even if the
// CRM is down at the time. A workspace no longer connected to that account
// has no token for it: the item fails with a reason saying where to delete it.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import { crmAdapterForAccount } from "@/lib/crm/adapters";
import { defineJob, onlyItem } from "./definition";
import { PermanentFailure } from "./failures";

export const eraseCrmContactJob = defineJob({
  kind: "erase_crm_contact",
  // crmAccount: the CrmLink's (CrmAdapter.accountKey; "" for links older than accounts).
  payload: z.object({ crmSystem: z.enum(["hubspot"]), crmAccount: z.string().max(200), crmContactId: z.string().min(1).max(200) }),
  crmRequestsPerRun: 1,
  async run({ items, step }) {
    const { workspaceId, payload } = onlyItem(items);
    if (!workspaceId) throw new PermanentFailure("An erasure needs its workspace.");
    const { deleted } = await step("delete-crm-contact", async () => {
      const adapter = await crmAdapterForAccount(workspaceId, payload.crmSystem, payload.crmAccount);
      if (!adapter) {
        throw new PermanentFailure(
          `Contact ${payload.crmContactId} is in ${payload.crmSystem} account ${payload.crmAccount || "(unknown)"}, which this workspace is no longer connected to: delete it there by hand.`,
        );
      }
      return adapter.deleteContact(payload.crmContactId);
    });
    await step("record-deletion", () =>
      recordAuditEvent({
        workspaceId,
        actorType: "system",
        actorLabel: "privacy erasure",
        action: "privacy.crm_contact_deleted",
        targetType: "crm_contact",
        targetId: payload.crmContactId,
        after: { crmSystem: payload.crmSystem, crmAccount: payload.crmAccount, deleted },
      }),
    );
  },
});
