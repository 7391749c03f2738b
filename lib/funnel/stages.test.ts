import { describe, expect, it } from "vitest";
import { FUNNEL_OUTCOME_KEYS, FUNNEL_OUTCOMES, outcomesInto, outcomesReaching, reachedStage } from "./outcomes";
import { stagesFromOutcomes } from "./stages";

describe("the funnel's outcomes", () => {
  it("put every outcome on the way into exactly one stage, in progress or dropped, and one outcome past the last", () => {
    const placed = (["proposed", "approved", "synced", "followed_up"] as const).flatMap((stage) => [...outcomesInto(stage, "in_progress"), ...outcomesInto(stage, "dropped")]);
    expect(new Set(placed).size).toBe(placed.length);
    expect([...placed, "followed_up"].sort()).toEqual([...FUNNEL_OUTCOME_KEYS].sort());
    expect(outcomesInto("conversations", "dropped")).toEqual([]);
  });

  it("name the issue's in-progress states and drop reasons", () => {
    expect(outcomesInto("proposed", "in_progress")).toEqual(["not_extracted"]);
    expect(outcomesInto("proposed", "dropped")).toEqual(["no_name", "no_valid_contact", "extraction_failed", "opted_out"]);
    expect(outcomesInto("approved", "dropped")).toEqual(["rejected_spam", "rejected_not_a_lead", "rejected_duplicate", "rejected_wrong_number", "rejected_other"]);
    expect(outcomesInto("synced", "in_progress")).toEqual(["undo_window", "syncing"]);
    expect(outcomesInto("followed_up", "dropped")).toEqual(["follow_up_cancelled", "follow_up_failed", "no_follow_up_planned"]);
    expect(FUNNEL_OUTCOMES.follow_up_scheduled.kind).toBe("in_progress");
  });

  it("tell the last stage each outcome reached", () => {
    expect(reachedStage("not_extracted")).toBe("conversations");
    expect(reachedStage("rejected_spam")).toBe("proposed");
    expect(reachedStage("sync_failed")).toBe("approved");
    expect(reachedStage("no_follow_up_planned")).toBe("synced");
    expect(reachedStage("followed_up")).toBe("followed_up");
    expect(outcomesReaching("conversations")).toEqual(FUNNEL_OUTCOME_KEYS);
    expect(outcomesReaching("followed_up")).toEqual(["followed_up"]);
    expect(outcomesReaching("synced")).toEqual(["follow_up_scheduled", "follow_up_cancelled", "follow_up_failed", "no_follow_up_planned", "followed_up"]);
  });
});

describe("stagesFromOutcomes", () => {
  it("counts each stage as everything that reached it, with what stopped on the way in", () => {
    const stages = stagesFromOutcomes({ not_extracted: 2, no_name: 3, awaiting_review: 1, rejected_spam: 4, syncing: 1, no_follow_up_planned: 2, followed_up: 7 });
    expect(stages.map((stage) => [stage.key, stage.count, stage.inProgress])).toEqual([
      ["conversations", 20, 0],
      ["proposed", 15, 2],
      ["approved", 10, 1],
      ["synced", 9, 1],
      ["followed_up", 7, 0],
    ]);
    expect(stages.map((stage) => stage.conversion)).toEqual([null, 15 / 20, 10 / 15, 9 / 10, 7 / 9]);
    expect(stages[1]!.dropped).toEqual({ no_name: 3, no_valid_contact: 0, extraction_failed: 0, opted_out: 0 });
    expect(stages[2]!.inProgressBy).toEqual({ awaiting_review: 1 });
    expect(stages[4]!.dropped).toEqual({ follow_up_cancelled: 0, follow_up_failed: 0, no_follow_up_planned: 2 });
  });

  it("gives no conversion (not zero, not NaN) after an empty stage", () => {
    const stages = stagesFromOutcomes({ not_extracted: 3 });
    expect(stages.map((stage) => stage.conversion)).toEqual([null, 0, null, null, null]);
  });
});
