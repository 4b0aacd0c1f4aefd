/**
 * A small seeded generator (mulberry32), so a fault schedule (which message is redelivered,
 * when a process is killed) is the same on every run with the same seed. The seed comes from
 * FAULT_SEED when set, so a failure seen in CI can be replayed.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
}

export function faultSeed(fallback: number): number {
  const given = process.env.FAULT_SEED;
  return given ? Number(given) : fallback;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
  };
}
