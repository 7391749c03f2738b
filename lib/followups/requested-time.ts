// What a message asked for, before business hours are applied: the words, and
// the wall-clock time they mean in the prospect's zone.
import type { DateTime } from "luxon";

export type RequestedTime = {
  /** The words in the message, as written: "llámame el martes a las 3". */
  quote: string;
  start: number;
  end: number;
  /** The requested local time; when no time was said, the day at 00:00. */
  local: DateTime;
  /** False for "Monday", "next week": the default time of day applies. */
  timeGiven: boolean;
};
