// Follow-up tasks in HubSpot: one task object, due at hs_timestamp, associated
// with the contact so it shows on the contact's record, and given to the lead
// owner's HubSpot user so it lands in their task queue.
import { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/objects/tasks";
import type { CrmTaskInput, CrmTaskResult } from "@/lib/crm/types";
import type { HubSpotGateway } from "./gateway";
import { ownerProperty } from "./owners";

/** HUBSPOT_DEFINED association type "task to contact". */
export const TASK_TO_CONTACT = 204;

export function toTaskProperties(task: CrmTaskInput): Record<string, string> {
  if (Number.isNaN(task.dueAt.getTime())) throw new RangeError("Task due time is not a valid date");
  return {
    hs_timestamp: task.dueAt.toISOString(),
    hs_task_subject: task.subject,
    hs_task_body: task.body ?? "",
    hs_task_status: "NOT_STARTED",
    hs_task_priority: task.priority,
    hs_task_type: task.type,
  };
}

export async function createTask(gateway: HubSpotGateway, task: CrmTaskInput, ownerId: string | null = null): Promise<CrmTaskResult> {
  const properties = { ...toTaskProperties(task), ...ownerProperty(ownerId) };
  const created = await gateway.call("standard", (client) => client.crm.objects.tasks.basicApi.create({
    properties,
    associations: [{
      to: { id: task.crmContactId },
      types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: TASK_TO_CONTACT }],
    }],
  }));
  return { crmTaskId: created.id };
}
