import type { Progress } from "../commands/context.js";

/** When progress appears and how often it is redrawn: after about a second, ten times a second at most. */
export interface ProgressTiming {
  delayMs: number;
  intervalMs: number;
}

export const PROGRESS_TIMING: ProgressTiming = { delayMs: 1000, intervalMs: 100 };

export interface TerminalProgress extends Progress {
  /** Erase the progress line (if shown): what is printed next starts on a clean line; a later update draws it again. */
  clear(): void;
}

/**
 * The streams of `io` with the progress line erased before anything else is
 * written: results and messages never end up under a line that is erased later.
 */
export function clearingProgress<T extends { stdout: Writable; stderr: Writable }>(
  io: T,
  progress: TerminalProgress,
): T {
  const clearing = (stream: Writable): Writable => ({
    isTTY: stream.isTTY,
    write: (text: string) => {
      progress.clear();
      return stream.write(text);
    },
  });
  return { ...io, stdout: clearing(io.stdout), stderr: clearing(io.stderr) };
}

interface Writable {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Progress on a terminal, drawn with log-update over the previous state. Work
 * that ends within `delayMs` never shows any; the planner's updates come from
 * inside synchronous work, so each one draws at once (no timer could fire).
 */
export async function terminalProgress(
  stream: { write(text: string): unknown; isTTY?: boolean; columns?: number },
  timing: ProgressTiming,
  now: () => number = () => performance.now(),
): Promise<TerminalProgress> {
  const { createLogUpdate } = await import("log-update");
  // The cursor stays visible: hiding it would need restoring on every way out of the process.
  const draw = createLogUpdate(stream as NodeJS.WritableStream, { showCursor: true });
  const started = now();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let shown = false;
  return {
    update(status) {
      const t = now();
      if (t - started < timing.delayMs || t - drawnAt < timing.intervalMs) return;
      drawnAt = t;
      shown = true;
      draw(`${status} · ${Math.floor((t - started) / 1000)} s`);
    },
    clear() {
      if (!shown) return;
      shown = false;
      draw.clear();
    },
  };
}
