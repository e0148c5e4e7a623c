// Which sizes to try when the delegation splits into k groups. The sizes add
// up to the delegation and each is at least `min`; beyond that a size matters
// only through the hosts it admits (those whose capacity holds it). So the
// sizes are enumerated by "level" — which capacities each group stays within —
// rather than one by one: a delegation of 200 in five groups has hundreds of
// thousands of partitions but only a handful of distinct levels.

/** Group sizes, largest first. */
export type GroupSizes = readonly number[];

/**
 * The size options for `k` groups: one partition of `size` into `k` parts of
 * at least `min` for each distinct combination of admitted hosts, none
 * admitting less than another in every group (a dominated option can never
 * reach a higher value). Each option is as even as its levels allow. Largest
 * group first. `capacities`: the hosts' capacities (Infinity for no limit).
 */
export function groupSizeOptions(size: number, k: number, min: number, capacities: Iterable<number>): GroupSizes[] {
  if (k < 1 || k * min > size) return [];
  if (k === 1) return [[size]];
  // Level i admits the hosts of capacity >= caps[i]; a group of s people has the level of the least capacity
  // holding it. Sizes of level i lie in (caps[i-1], caps[i]]; the last level (caps.length) admits no host.
  const caps = [...new Set([...capacities].filter((c) => c >= min))].sort((a, b) => a - b);
  const lo = (level: number) => Math.max(min, level === 0 ? 1 : (caps[level - 1] as number) + 1);
  const hi = (level: number) => (level < caps.length ? Math.min(caps[level] as number, size) : size);
  const vectors: number[][] = [];
  // Levels non-decreasing, so each combination is met once; prune when even the smallest sizes exceed `size`.
  const walk = (levels: number[], from: number, low: number, high: number) => {
    if (levels.length === k) {
      if (low <= size && size <= high) vectors.push([...levels]);
      return;
    }
    for (let level = from; level <= caps.length; level++) {
      const l = lo(level);
      if (l > hi(level)) continue;
      if (low + l * (k - levels.length) > size) break;
      levels.push(level);
      walk(levels, level, low + l, high + hi(level));
      levels.pop();
    }
  };
  walk([], 0, 0, 0);
  const kept = vectors.filter((v) => !vectors.some((w) => w !== v && dominates(w, v)));
  return kept.map((levels) => evenSizes(levels.map(lo), levels.map(hi), size)).sort(compareSizes);
}

/** Every group of `a` admits at least the hosts of the matching group of `b` (both sorted), and some more. */
function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strict = false;
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) > (b[i] as number)) return false;
    if ((a[i] as number) < (b[i] as number)) strict = true;
  }
  return strict;
}

/** Sizes within [lo, hi] each that add up to `total` (which lies between their sums): as even as the bounds allow. */
function evenSizes(lo: readonly number[], hi: readonly number[], total: number): number[] {
  // Water-filling: every group at x, held within its bounds; the largest x that does not exceed the total.
  const at = (x: number) => lo.map((l, i) => Math.min(hi[i] as number, Math.max(l, x)));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  let low = 0;
  let high = total;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sum(at(mid)) <= total) low = mid;
    else high = mid - 1;
  }
  const sizes = at(low);
  // The rest (fewer than the groups that could still grow) goes one each to the groups that can.
  let left = total - sum(sizes);
  for (let i = 0; i < sizes.length && left > 0; i++)
    if ((sizes[i] as number) === low && low < (hi[i] as number)) {
      sizes[i] = low + 1;
      left--;
    }
  return sizes.sort((a, b) => b - a);
}

function compareSizes(a: GroupSizes, b: GroupSizes): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (b[i] as number) - (a[i] as number);
  return 0;
}

/** Every partition of `size` into `k` parts of at least `min`, largest part first (for tests: the options must cover these). */
export function allPartitions(size: number, k: number, min: number): number[][] {
  const out: number[][] = [];
  const walk = (parts: number[], left: number, max: number) => {
    if (parts.length === k) {
      if (left === 0) out.push([...parts]);
      return;
    }
    const rest = k - parts.length - 1;
    for (let p = Math.min(max, left - rest * min); p >= min; p--) {
      parts.push(p);
      walk(parts, left - p, p);
      parts.pop();
    }
  };
  walk([], size, size);
  return out;
}

/** Group names: A, B, C, … */
export function groupName(index: number): string {
  return String.fromCharCode(65 + index);
}
