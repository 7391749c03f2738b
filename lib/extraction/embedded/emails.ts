// Finds the prospect's email: plain addresses, spoken/obfuscated ones ("ana dot
// silva at gmail dot com", "arroba", "ponto", "[at]"), an address completed in
// a later message ("co.uk sorry"), and corrections (the latest one wins). The
// business's own addresses (said first by the assistant) are never the lead's.
// The patterns are linear: a match may only start where an address can start
// (not inside a word or a dotted chain it would re-read from every position).
import { matchesOf } from "../text";
import { normalizeEmail } from "../validation";
import type { FieldProposal, ReviewFlag } from "../types";
import type { ReadConversation } from "./context";

const DOT_WORD = "(?:dot|punto|ponto|point|punkt)";
const AT_WORD = "(?:at|arroba|arobase)";
const LOCAL_WORD = "[a-z0-9][a-z0-9_+%-]*";
const SPOKEN_DOT = `(?:\\s*[[({]\\s*${DOT_WORD}\\s*[\\])}]\\s*|\\s+${DOT_WORD}\\s+|\\s+\\.\\s+|\\.)`;
const SPOKEN_AT = `(?:\\s*[[({]\\s*(?:${AT_WORD}|@)\\s*[\\])}]\\s*|\\s+${AT_WORD}\\s+|\\s+@\\s*|\\s*@\\s+)`;
// A spoken address starts where its local part cannot grow to the left: not after a
// letter, a dot, or a spoken dot ("ana dot silva": only "ana" starts a match). The
// lookahead comes first so that the lookbehinds (which read back over spaces) run
// only at the start of a word, once per run of spaces.
const SPOKEN_START = `(?=[a-z0-9])(?<![a-z0-9_+%.-])(?<!${DOT_WORD}\\s+)(?<!\\s\\.\\s+)(?<![[({]\\s*${DOT_WORD}\\s*[\\])}]\\s*)`;
const SPOKEN_EMAIL = new RegExp(`${SPOKEN_START}(${LOCAL_WORD}(?:${SPOKEN_DOT}${LOCAL_WORD})*)${SPOKEN_AT}([a-z0-9-]+(?:${SPOKEN_DOT}[a-z0-9-]+)+)`, "gi");
// A written address starts at the beginning of a token, never inside one.
const PLAIN_EMAIL = /(?<![^\s<>()[\]{}"',;:])[^\s@<>()[\]{}"',;:]*@+[^\s@<>()[\]{}"',;:]+/g;
const SPOKEN_DOT_ONLY = new RegExp(SPOKEN_DOT, "gi");
/** What every spoken address holds (its "at", bracketed or between spaces, or an "@"): one cheap scan before the full pattern. */
const HAS_SPOKEN_AT = new RegExp(`@|[[({]\\s*${AT_WORD}\\s*[\\])}]|\\s${AT_WORD}\\s`, "i");

const TOP_LEVEL = new Set([
  "com", "net", "org", "edu", "gov", "info", "biz", "io", "co", "me", "app", "dev", "br", "mx", "ar", "es", "pt", "de", "fr", "be", "nl", "ch", "at",
  "it", "uk", "ie", "in", "ng", "za", "ae", "us", "ca", "au", "nz", "cl", "pe", "uy", "ke", "gh", "eu",
]);

interface EmailCandidate {
  value: string;
  messageId: string;
  quote: string;
  index: number;
  complete: boolean;
}

function hasTopLevel(email: string): boolean {
  const domain = email.split("@").pop() ?? "";
  const last = domain.split(".").pop() ?? "";
  return domain.includes(".") && /^[a-z]{2,}$/.test(last);
}

/** Addresses written in one message, plain or spelled out, lowercased. */
export function emailCandidatesIn(content: string): Array<{ value: string; quote: string }> {
  const found: Array<{ value: string; quote: string }> = [];
  for (const match of matchesOf(PLAIN_EMAIL, content)) {
    const value = normalizeEmail(match[0]);
    if (/^[^@]+@+[^@]+$/.test(value)) found.push({ value, quote: match[0] });
  }
  if (found.length > 0 || !HAS_SPOKEN_AT.test(content)) return found;
  for (const match of matchesOf(SPOKEN_EMAIL, content)) {
    const local = match[1]!.replace(SPOKEN_DOT_ONLY, ".");
    const labels = match[2]!.replace(SPOKEN_DOT_ONLY, ".").toLowerCase().split(".");
    // The sentence may run on after the address ("...dot com. Thank you"): end at the last known top-level label.
    while (labels.length > 1 && !TOP_LEVEL.has(labels.at(-1)!)) labels.pop();
    const domain = labels.join(".");
    // "arrive at 5.30" is not an address: the domain must end in a known top-level label.
    if (labels.length < 2 || !TOP_LEVEL.has(labels.at(-1)!) || !/[a-z]/.test(labels[0] ?? "")) continue;
    found.push({ value: normalizeEmail(`${local}@${domain}`), quote: match[0] });
  }
  return found;
}

/** A reply that only completes a domain: "co.uk sorry", ".com", "it's com.br". */
function domainCompletion(content: string): string | null {
  if (content.length > 40) return null;
  const match = content.toLowerCase().match(/(?:^|\s)\.?((?:[a-z]{2,}\.)?[a-z]{2,4})(?=[\s!.,]|$)/g);
  if (!match) return null;
  for (const raw of match) {
    const suffix = raw.trim().replace(/^\./, "");
    const labels = suffix.split(".");
    if (labels.every((label) => TOP_LEVEL.has(label))) return suffix;
  }
  return null;
}

export interface EmailFinding {
  email: FieldProposal<string> | null;
  flags: ReviewFlag[];
}

export function findEmail(read: ReadConversation): EmailFinding {
  const candidates: EmailCandidate[] = [];
  // The business's own addresses, each with the position where it first wrote it.
  const businessAddresses = new Map<string, number>();
  read.input.messages.forEach((message, index) => {
    if (message.role === "user") return;
    for (const { value } of emailCandidatesIn(message.content)) if (!businessAddresses.has(value)) businessAddresses.set(value, index);
  });
  for (const { message, index } of read.prospect) {
    const last = candidates.at(-1);
    const lastLabel = last?.value.split(".").pop() ?? "";
    // "gmail.con" then "ops, .com": an unknown ending is replaced; a missing one ("@hotmail" then "co.uk") is added.
    const mistyped = last !== undefined && last.complete && !TOP_LEVEL.has(lastLabel);
    if (last && (!last.complete || mistyped) && emailCandidatesIn(message.content).length === 0) {
      const suffix = domainCompletion(message.content);
      if (suffix) {
        const base = mistyped ? last.value.slice(0, -lastLabel.length - 1) : last.value;
        candidates.push({ ...last, value: `${base}.${suffix}`, messageId: message.id, quote: message.content.trim(), index, complete: true });
        continue;
      }
    }
    for (const { value, quote } of emailCandidatesIn(message.content)) {
      if ((businessAddresses.get(value) ?? Infinity) < index) continue;
      candidates.push({ value, messageId: message.id, quote, index, complete: hasTopLevel(value) });
    }
  }
  const chosen = candidates.at(-1);
  if (!chosen) return { email: null, flags: [] };
  const flags: ReviewFlag[] = [];
  const earlier = candidates.filter((candidate) => candidate.value !== chosen.value && chosen.value !== `${candidate.value}.${chosen.value.split(".").pop()}`);
  if (earlier.length > 0 && !chosen.value.startsWith(earlier.at(-1)!.value)) {
    flags.push({
      code: "value_corrected",
      field: "email",
      message: `The prospect gave "${earlier.at(-1)!.value}" earlier and later "${chosen.value}"; the later one is kept`,
      params: { earlier: earlier.at(-1)!.value, kept: chosen.value },
      messageId: chosen.messageId,
    });
  }
  const confidence = chosen.complete ? (chosen.quote.includes("@") ? 0.95 : 0.8) : 0.5;
  return { email: { value: chosen.value, evidence: { messageId: chosen.messageId, quote: chosen.quote }, confidence }, flags };
}
