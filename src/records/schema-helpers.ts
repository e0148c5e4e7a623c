import * as z from "zod";
import type { Parsed } from "./formats.js";

/**
 * Wrap a value parser as a zod schema whose failure message is the parser's own.
 * `base` narrows the accepted input first (e.g. z.string() inside a union, so
 * that a mapping fails that branch by type and zod tries the next one).
 */
export function format<T, I = unknown>(
  parse: (input: unknown) => Parsed<T>,
  base: z.ZodType<I> = z.unknown() as z.ZodType<I>,
) {
  return base.transform((input, ctx): T => {
    const result = parse(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message, input });
    return z.NEVER;
  });
}

/** A list that may also be written as a single item (`themes: housing`). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null || Array.isArray(v) ? (v ?? []) : [v]), z.array(item));
}
