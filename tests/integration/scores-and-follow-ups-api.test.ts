// The scores endpoint and the follow-up reschedule/cancel endpoints, through
// the real route handlers with workspace API keys.
import { describe, expect, it } from "vitest";
import { GET as getScores, POST as postScores } from "@/app/api/v1/conversations/[id]/scores/route";
import { POST as cancelPost } from "@/app/api/v1/follow-ups/[id]/cancel/route";
import { POST as reschedulePost } from "@/app/api/v1/follow-ups/[id]/reschedule/route";
import { db } from "@/lib/db/client";
import { workspaceWithNumber } from "../support/whatsapp";

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const post = (body: unknown, key?: string) =>
  new Request("http://127.0.0.1/api", {
    method: "POST",
    headers: { "content-type": "application/json", ...(key && { authorization: `Bearer ${key}` }) },
    body: JSON.stringify(body),
  });
const get = (key?: string) => new Request("http://127.0.0.1/api", { headers: key ? { authorization: `Bearer ${key}` } : {} });

async function conversationIn(workspaceId: string) {
  return db().conversation.create({
    data: { workspaceId, source: "import", contactWaId: "12127363100", firstMessageAt: new Date(), lastMessageAt: new Date() },
  });
}

const score = { intent_score: 0.82, objection_type: "timing", follow_up_tone: "urgency_alignment", version: 1 };

describe("POST and GET /api/v1/conversations/{id}/scores", () => {
  it("records a score once per version and answers with the words the CRM will get", async () => {
    const { workspace, apiKey } = await workspaceWithNumber();
    const conversation = await conversationIn(workspace.id);

    const none = await getScores(get(apiKey), params(conversation.id));
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ score: null });

    const created = await postScores(post(score, apiKey), params(conversation.id));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { created: boolean; score: Record<string, unknown> };
    expect(body.created).toBe(true);
    expect(body.score).toMatchObject({
      source: "platform",
      version: 1,
      intent_score: 0.82,
      summary: expect.stringMatching(/^High intent — timing objection — recommend urgency alignment/i),
      fields: { "Lead Score": "High (0.82)", "Primary Objection": expect.stringMatching(/timing/i), "Recommended Approach": expect.stringMatching(/urgency/i) },
    });

    const again = await postScores(post(score, apiKey), params(conversation.id));
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ created: false, score: { version: 1 } });

    const conflicting = await postScores(post({ ...score, intent_score: 0.1 }, apiKey), params(conversation.id));
    expect(conflicting.status).toBe(409);
    expect(await conflicting.json()).toMatchObject({ status: 409, code: "conflict" });

    const preview = await getScores(get(apiKey), params(conversation.id));
    expect(await preview.json()).toMatchObject({ score: { version: 1, fields: { "Lead Score": "High (0.82)" } } });
    expect(await db().behavioralScore.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  it("answers 422 with every bad field's path", async () => {
    const { workspace, apiKey } = await workspaceWithNumber();
    const conversation = await conversationIn(workspace.id);
    const response = await postScores(post({ intent_score: 7, objection_type: "", version: 1.5 }, apiKey), params(conversation.id));
    expect(response.status).toBe(422);
    const paths = ((await response.json()) as { errors: { path: string }[] }).errors.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(["intent_score", "objection_type", "follow_up_tone", "version"]));
  });

  it("answers 404 for another workspace's conversation (or no id) and 401 without a key", async () => {
    const { apiKey } = await workspaceWithNumber();
    const other = await workspaceWithNumber();
    const theirs = await conversationIn(other.workspace.id);
    expect((await postScores(post(score, apiKey), params(theirs.id))).status).toBe(404);
    expect((await getScores(get(apiKey), params(theirs.id))).status).toBe(404);
    expect((await getScores(get(apiKey), params("not-a-uuid"))).status).toBe(404);
    expect((await postScores(post(score), params(theirs.id))).status).toBe(401);
    expect(await db().behavioralScore.count({ where: { conversationId: theirs.id } })).toBe(0);
  });
});

describe("POST /api/v1/follow-ups/{id}/reschedule and /cancel", () => {
  async function scheduled(workspaceId: string) {
    const conversation = await conversationIn(workspaceId);
    const dueAt = new Date(Date.now() + 24 * 3_600_000);
    const followUp = await db().followUp.create({
      data: { workspaceId, conversationId: conversation.id, dueAt, timezone: "America/New_York", channel: "call", reason: "asked", status: "scheduled", scheduledAt: new Date() },
    });
    await db().outboxItem.create({ data: { workspaceId, kind: "follow_up_due", payload: { followUpId: followUp.id }, dedupeKey: followUp.id, availableAt: dueAt } });
    return followUp;
  }
  const pendingWork = (followUpId: string) => db().outboxItem.findMany({ where: { kind: "follow_up_due", dedupeKey: followUpId, status: "pending" } });

  it("moves a scheduled follow-up and its due work to the new time", async () => {
    const { workspace, apiKey } = await workspaceWithNumber();
    const followUp = await scheduled(workspace.id);
    const newDue = new Date(Date.now() + 3 * 24 * 3_600_000);
    newDue.setUTCMilliseconds(0);
    const response = await reschedulePost(post({ due_at: newDue.toISOString() }, apiKey), params(followUp.id));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ followUp: { id: followUp.id, status: "scheduled", dueAt: newDue.toISOString() } });
    const work = await pendingWork(followUp.id);
    expect(work).toHaveLength(1);
    expect(work[0]!.availableAt).toEqual(newDue);
  });

  it("refuses a due time without an offset or in the past (422), and unknown or foreign follow-ups (404)", async () => {
    const { workspace, apiKey } = await workspaceWithNumber();
    const other = await workspaceWithNumber();
    const followUp = await scheduled(workspace.id);
    const noOffset = await reschedulePost(post({ due_at: "2030-03-10T15:00:00" }, apiKey), params(followUp.id));
    expect(noOffset.status).toBe(422);
    expect(await noOffset.json()).toMatchObject({ errors: [{ path: "due_at" }] });
    expect((await reschedulePost(post({ due_at: "2020-01-01T00:00:00Z" }, apiKey), params(followUp.id))).status).toBe(422);
    expect((await reschedulePost(post({ due_at: "2030-01-01T00:00:00Z" }, other.apiKey), params(followUp.id))).status).toBe(404);
    expect((await cancelPost(post({}, other.apiKey), params(followUp.id))).status).toBe(404);
    expect((await cancelPost(post({}, apiKey), params("nope"))).status).toBe(404);
    expect((await cancelPost(post({}), params(followUp.id))).status).toBe(401);
  });

  it("cancels with the reason people will see and drops the due work; a done follow-up cannot change (409)", async () => {
    const { workspace, apiKey } = await workspaceWithNumber();
    const followUp = await scheduled(workspace.id);
    const response = await cancelPost(post({ reason: "Prospect called us instead" }, apiKey), params(followUp.id));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ followUp: { status: "cancelled", cancelReason: "Prospect called us instead" } });
    expect(await pendingWork(followUp.id)).toHaveLength(0);
    expect((await reschedulePost(post({ due_at: "2030-01-01T00:00:00Z" }, apiKey), params(followUp.id))).status).toBe(409);

    const done = await scheduled(workspace.id);
    await db().followUp.update({ where: { id: done.id }, data: { status: "done", crmTaskId: "task-1" } });
    expect((await cancelPost(post({}, apiKey), params(done.id))).status).toBe(409);
    expect((await reschedulePost(post({ due_at: "2030-01-01T00:00:00Z" }, apiKey), params(done.id))).status).toBe(409);
    expect(await db().followUp.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({ status: "done" });
  });
});
