/** Rounds to 2 decimals, so models serialise the same on every machine (and never as `-0`). */
export function round2(value: number): number {
  const r = Math.round(value * 100) / 100;
  return r === 0 ? 0 : r;
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

/**
 * A small seeded linear congruential generator (the constants d3-force uses internally), for
 * `simulation.randomSource` and layout jitter: same seed, same sequence, on every machine.
 */
export function lcg(seed: number): () => number {
  const a = 1664525;
  const c = 1013904223;
  const m = 4294967296; // 2^32
  let s = Math.abs(Math.floor(seed)) % m;
  return () => (s = (a * s + c) % m) / m;
}
