// Which service runs each kind of outbox work. The Inngest functions call the
// same services step by step; `jobs:drain` and the development server's loop
// call them through this table.
import type { OutboxHandlers } from "./drain";

export const outboxHandlers: OutboxHandlers = {};
