import Mustache from "mustache";

// User templates (`--template`) are Mustache: logic-less, so a template can
// only place values, never run code. Mustache's own lookup still walks
// prototypes (`{{constructor.constructor}}` reaches Function) and calls any
// function it finds; this context reads own data properties only, so a
// template sees the view's plain data and nothing else.

type Lookup = { hit: true; value: unknown } | { hit: false };

function ownPath(view: unknown, name: string): Lookup {
  if (name === ".") return { hit: true, value: view };
  let value: unknown = view;
  for (const key of name.split(".")) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return { hit: false };
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "function" ? { hit: false } : { hit: true, value };
}

class DataContext extends Mustache.Context {
  override push(view: unknown): Mustache.Context {
    return new DataContext(view, this);
  }

  override lookup(name: string): unknown {
    const found = ownPath(this.view, name);
    if (found.hit) return found.value;
    return this.parent?.lookup(name);
  }
}

/**
 * Render a template with a view of plain data whose strings are already
 * escaped for the output format. Mustache would HTML-escape `{{x}}` on top,
 * which is wrong for Markdown (`&` would show as `&amp;amp;`), so escaping is
 * turned off: `{{x}}` and `{{{x}}}` print the same, already-safe text.
 * Partials are not offered: `{{> file}}` prints nothing.
 */
export function renderTemplate(template: string, view: object): string {
  // A fresh writer per call: no cache shared between renders. Partials are a
  // prototype-less object: with `{}`, `{{> constructor}}` would find Object and crash.
  return new Mustache.Writer().render(template, new DataContext(view), Object.create(null) as Record<string, string>, {
    escape: (value: unknown) => String(value),
  });
}
