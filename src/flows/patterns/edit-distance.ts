/**
 * How many typing mistakes separate two words: insertions, deletions, substitutions and
 * swaps of neighbouring letters (optimal string alignment). Bounded: the work stops once
 * the distance is certainly above `max`, which is all a typo check needs.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  // Code units, not code points, decide the cheap length check; both differ by at most the
  // number of astral letters, which no pattern or answer word uses.
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  if (s.length === 0 || t.length === 0) return Math.max(s.length, t.length);
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = new Array<number>(t.length + 1).fill(0);
    current[0] = i;
    let best = current[0];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[t.length]!, max + 1);
}

/**
 * Typing mistakes tolerated in a word of `length` letters: none in short words (where one
 * letter changes the meaning: "help"/"hulp", "olmak"/"ölmek"), one from five letters, two
 * from nine. Numbers are never corrected.
 */
export function typoAllowance(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

/**
 * Whether two words are at most one typing mistake apart (`editDistance(a, b, 1) <= 1`)
 * without allocating: this runs for every long word of a message against every long
 * pattern word.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, t] = a.length <= b.length ? [a, b] : [b, a];
  if (t.length - s.length > 1) return false;
  let i = 0;
  while (i < s.length && s[i] === t[i]) i++;
  if (s.length === t.length) {
    if (s.slice(i + 1) === t.slice(i + 1)) return true;
    return s[i] === t[i + 1] && s[i + 1] === t[i] && s.slice(i + 2) === t.slice(i + 2);
  }
  return s.slice(i) === t.slice(i + 1);
}
