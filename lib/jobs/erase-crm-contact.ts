// erase_crm_contact: deletes a person's contact from an outside CRM (HubSpot's
// GDPR delete) after their data was erased here (lib/privacy/erase.ts), and
// records that it happened. Queued in the erasure's transaction, so it is
// retried until the CRM confirms, even if the CRM is down at the time.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record";
import { crmAdapterForSystem } from "@/lib/crm/adapters";
import { defineJob, onlyItem } from "./definition";
import { PermanentFailure } from "./failures";

export const eraseCrmContactJob = defineJob({
  kind: "erase_crm_contact",
  payload: z.object({ crmSystem: z.enum(["internal", "hubspot"]), crmContactId: z.string().min(1).max(200) }),
  crmRequestsPerRun: 1,
  async run({ items, step }) {
    const { workspaceId, payload } = onlyItem(items);
    if (!workspaceId) throw new PermanentFailure("An erasure needs its workspace.");
    const { deleted } = await step("delete-crm-contact", async () => (await crmAdapterForSystem(workspaceId, payload.crmSystem)).deleteContact(payload.crmContactId));
    await step("record-deletion", () =>
      recordAuditEvent({
        workspaceId,
        actorType: "system",
        actorLabel: "privacy erasure",
        action: "privacy.crm_contact_deleted",
        targetType: "crm_contact",
        targetId: payload.crmContactId,
        after: { crmSystem: payload.crmSystem, deleted },
      }),
    );
  },
});
