import { Chalk } from "chalk";
import type { Style } from "../commands/context.js";

export function createStyle(enabled: boolean): Style {
  const c = new Chalk({ level: enabled ? 1 : 0 });
  return {
    enabled,
    error: (t) => c.red(t),
    warn: (t) => c.yellow(t),
    ok: (t) => c.green(t),
    dim: (t) => c.dim(t),
    bold: (t) => c.bold(t),
    accent: (t) => c.cyan(t),
    location: (t) => c.magenta(t),
    travel: (t) => c.blue(t),
  };
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org) or --no-color is given. */
export function wantsColour(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return isTTY;
}
