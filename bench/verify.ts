/**
 * Independent checker of OPTW/TOPTW routes. It deliberately shares no code
 * with the engine (nor with the bench adapter's distance function) so an
 * engine bug cannot hide behind a matching bug in the checker.
 */

export interface VerifyNode {
  readonly x: number;
  readonly y: number;
  readonly duration: number;
  readonly score: number;
  readonly open: number;
  readonly close: number;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly score: number;
  /** Service start times per route, as recomputed. */
  readonly starts: number[][];
  readonly errors: string[];
}

const TOLERANCE = 1e-6;

function leg(a: VerifyNode, b: VerifyNode, scale: number): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.trunc(Math.sqrt(dx * dx + dy * dy) * scale + 1e-9) / scale;
}

/**
 * Checks routes of customer indices (depot 0 left out): every customer exists
 * and appears at most once overall, service starts (as early as possible) lie
 * in [O, C], every route is back at the depot by the depot's C, travel being
 * the Euclidean distance truncated to `decimals` decimals. Returns the
 * recomputed total score.
 */
export function verifyRoutes(
  nodes: ReadonlyArray<VerifyNode>,
  routes: ReadonlyArray<ReadonlyArray<number>>,
  decimals = 1,
): VerifyResult {
  if (!Number.isInteger(decimals) || decimals < 0) throw new Error(`decimals must be an integer >= 0, got ${decimals}`);
  const scale = 10 ** decimals;
  const errors: string[] = [];
  const seen = new Set<number>();
  const depot = nodes[0];
  if (!depot) return { ok: false, score: 0, starts: [], errors: ["no depot"] };
  let score = 0;
  const starts: number[][] = [];
  routes.forEach((route, r) => {
    let t = depot.open;
    let here: VerifyNode = depot;
    const rs: number[] = [];
    for (const i of route) {
      const c = nodes[i];
      if (i === 0 || !c) {
        errors.push(`route ${r}: ${i} is not a customer`);
        continue;
      }
      if (seen.has(i)) errors.push(`route ${r}: customer ${i} visited twice`);
      seen.add(i);
      const arrival = t + leg(here, c, scale);
      const start = Math.max(arrival, c.open);
      if (start > c.close + TOLERANCE)
        errors.push(`route ${r}: customer ${i} starts at ${start.toFixed(2)} after its window closes at ${c.close}`);
      rs.push(start);
      score += c.score;
      t = start + c.duration;
      here = c;
    }
    const back = t + leg(here, depot, scale);
    if (back > depot.close + TOLERANCE)
      errors.push(`route ${r}: back at the depot at ${back.toFixed(2)}, after ${depot.close}`);
    starts.push(rs);
  });
  return { ok: errors.length === 0, score, starts, errors };
}
