import * as z from "zod";

// The pieces the commands' schemas are made of (the schemas are in each
// command's module, next to its run). Commander hands over a flag given as
// `true` and one not given as undefined, a value as a string, and a variadic
// option (`--avoid <host...>`) as a list of strings.

/** A flag such as --json: false when not given. */
export const flag = z.boolean().default(false);

/** An option with one value, such as --data DIR. */
export const text = z.string().optional();

/** A variadic option, such as --avoid HOST...: empty when not given. */
export const list = z.array(z.string()).default([]);

/** A whole number of at least 1, given as text (--limit N). */
export const positiveWholeNumber = z
  .string()
  .regex(/^\d+$/, "needs a whole number of at least 1")
  .transform(Number)
  .refine((n) => n >= 1, "needs a whole number of at least 1");

/** One of a few words, as --format md: the message names them. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(", ")}` });
}
