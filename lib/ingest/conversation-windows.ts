// Which conversation each incoming message belongs to. A contact has one open
// conversation; a message more than the workspace's idle gap away from every
// existing conversation of the contact opens a new one. Messages are placed by
// their own timestamp, not by arrival, so a late redelivery of an old message
// lands in the conversation it was part of. Pure.

export type ConversationWindow = { key: string; firstMessageAt: Date; lastMessageAt: Date; isNew: boolean };

export function assignConversations(
  existing: { id: string; firstMessageAt: Date; lastMessageAt: Date }[],
  sentAts: Date[],
  idleMs: number,
): { keys: string[]; windows: ConversationWindow[] } {
  const windows: ConversationWindow[] = existing.map((c) => ({ key: c.id, firstMessageAt: c.firstMessageAt, lastMessageAt: c.lastMessageAt, isNew: false }));
  const keys = new Array<string>(sentAts.length);
  const order = sentAts.map((at, index) => ({ at, index })).sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { at, index } of order) {
    const t = at.getTime();
    const fits = windows
      .filter((w) => w.firstMessageAt.getTime() - idleMs <= t && t <= w.lastMessageAt.getTime() + idleMs)
      .sort((a, b) => b.lastMessageAt.getTime() - a.lastMessageAt.getTime());
    let window = fits[0];
    if (!window) {
      window = { key: `new:${windows.length}`, firstMessageAt: at, lastMessageAt: at, isNew: true };
      windows.push(window);
    }
    if (t < window.firstMessageAt.getTime()) window.firstMessageAt = at;
    if (t > window.lastMessageAt.getTime()) window.lastMessageAt = at;
    keys[index] = window.key;
  }
  return { keys, windows };
}
