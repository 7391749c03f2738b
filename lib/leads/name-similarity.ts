// How alike two person names are, for "possible duplicate" hints: accents,
// case, punctuation and word order do not matter; a missing middle name or an
// initial still matches. Pure.

export function normalizeName(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
}

function tokensMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // An initial ("J.") matches the name it abbreviates.
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return false;
}

/** 0..1: the share of the shorter name's words found in the longer one. */
export function nameSimilarity(a: string, b: string): number {
  const left = normalizeName(a);
  const right = normalizeName(b);
  if (left.length === 0 || right.length === 0) return 0;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  const remaining = [...longer];
  let matched = 0;
  for (const token of shorter) {
    const index = remaining.findIndex((candidate) => tokensMatch(token, candidate));
    if (index >= 0) {
      matched += 1;
      remaining.splice(index, 1);
    }
  }
  // A single shared first name is weak evidence: require two words when both have them.
  if (matched === 1 && shorter.length > 1) return 0.5 * (matched / shorter.length);
  return matched / shorter.length;
}
