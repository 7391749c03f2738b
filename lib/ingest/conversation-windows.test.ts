import { describe, expect, it } from "vitest";
import { assignConversations } from "./conversation-windows";

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.UTC(2026, 0, 1) + hours * HOUR);

describe("assignConversations", () => {
  it("keeps messages within the idle gap in one conversation, in any arrival order", () => {
    const { keys, windows } = assignConversations([], [at(5), at(1), at(3)], 24 * HOUR);
    expect(new Set(keys).size).toBe(1);
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ firstMessageAt: at(1), lastMessageAt: at(5), isNew: true });
  });

  it("opens a new conversation after the idle gap", () => {
    const { keys, windows } = assignConversations([], [at(0), at(1), at(30)], 24 * HOUR);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(windows).toHaveLength(2);
  });

  it("adds to an existing conversation, and places an old late message in the conversation it belongs to", () => {
    const existing = [
      { id: "old", firstMessageAt: at(0), lastMessageAt: at(2) },
      { id: "recent", firstMessageAt: at(100), lastMessageAt: at(101) },
    ];
    const { keys, windows } = assignConversations(existing, [at(102), at(3)], 24 * HOUR);
    expect(keys).toEqual(["recent", "old"]);
    expect(windows.filter((w) => w.isNew)).toHaveLength(0);
  });
});
