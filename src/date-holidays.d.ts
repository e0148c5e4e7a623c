// date-holidays-parser ships its types, but its package.json `exports` does not point at them (so no `import` finds them).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../node_modules/date-holidays-parser/types/index.d.ts" />

declare module "date-holidays/data" {
  /** Every country's holiday rules, in the shape date-holidays-parser reads. */
  export const data: object;
}
