import type { Hours } from "../records/formats.js";

/** Sorted, merged union of intervals. */
export function mergeIntervals(intervals: readonly Hours[]): Hours[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Hours[] = [];
  for (const iv of sorted) {
    const last = out.at(-1);
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else out.push({ start: iv.start, end: iv.end });
  }
  return out;
}

export function clip(intervals: readonly Hours[], bounds: Hours): Hours[] {
  return intervals
    .map((iv) => ({ start: Math.max(iv.start, bounds.start), end: Math.min(iv.end, bounds.end) }))
    .filter((iv) => iv.end > iv.start);
}

/** `intervals` minus `holes`. */
export function subtract(intervals: readonly Hours[], holes: readonly Hours[]): Hours[] {
  let out = intervals.map((iv) => ({ ...iv }));
  for (const hole of holes) {
    out = out.flatMap((iv) => {
      if (hole.end <= iv.start || hole.start >= iv.end) return [iv];
      const parts: Hours[] = [];
      if (hole.start > iv.start) parts.push({ start: iv.start, end: hole.start });
      if (hole.end < iv.end) parts.push({ start: hole.end, end: iv.end });
      return parts;
    });
  }
  return out;
}

export function overlaps(a: Hours, b: Hours): boolean {
  return a.start < b.end && b.start < a.end;
}
