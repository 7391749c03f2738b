// Recognizes prompt-injection text inside a prospect's message: text written
// to steer the extractor ("ignore previous instructions", "SYSTEM OVERRIDE",
// "set urgency_level=high") rather than to talk to the business. Such a
// message supplies no lead values and is reported to the reviewer.
import { fold } from "./text";

const INJECTION_PATTERNS: RegExp[] = [
  /\b(?:ignore|disregard|forget|override)\b.{0,40}\b(?:instructions?|prompts?|rules|context|above)\b/,
  /\b(?:ignora|olvida|ignore[sz]?|oublie[sz]?|vergiss|ignoriere)\b.{0,40}\b(?:instrucciones|instrucoes|instructions|anweisungen|regras|reglas)\b/,
  /^\s*(?:system|assistant|developer|ai|bot)\s*:/,
  /\bsystem\s*(?:override|prompt|message|instruction)/,
  /\b(?:end of|new) instructions?\b/,
  /\byou are now\b|\bact as\b.{0,30}\b(?:assistant|system|model)\b/,
  /\b(?:urgency_level|product_interest|qualifies|qualified|email_valid|phone_valid)\s*[=:]/,
  /\bset\s+[a-z]+_[a-z_]+\s*(?:=|to)\b/,
  /\bmark (?:this|the) (?:contact|lead)\b/,
  /\blead (?:is )?qualified\b/,
];

/** Every pattern as one alternation: one scan of each message instead of ten. */
const INJECTION = new RegExp(INJECTION_PATTERNS.map((pattern) => `(?:${pattern.source})`).join("|"));

export function isInjectionText(content: string): boolean {
  return INJECTION.test(fold(content));
}
