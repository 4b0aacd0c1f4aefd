/**
 * Whether a chat shows every message Bloei owed, in order. After a crash a turn's messages
 * may come twice (sent, then sent again because the process died before recording that);
 * a message may never be missing.
 */
export function firstMissing(want: readonly string[], got: readonly string[]) {
  let found = 0;
  let after = 0;
  for (const [i, message] of got.entries()) {
    if (message === want[found]) {
      found++;
      after = i + 1;
    }
  }
  if (found === want.length) return null;
  return { missing: want[found], index: found, instead: got.slice(after, after + 3) };
}
