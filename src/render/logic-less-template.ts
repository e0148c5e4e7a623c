import Mustache from "mustache";
import { TemplateError } from "./template-error.js";

export { TemplateError };

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

/** A rendered template may be this long (characters): a letter is a few thousand, an itinerary a few tens of thousands. */
export const MAX_TEMPLATE_OUTPUT = 8 * 1024 * 1024;
/** Tokens rendered, counting every repetition of a section: sections nested in sections multiply, and this bounds the time. */
export const MAX_TEMPLATE_STEPS = 1_000_000;

type Token = [string, string, number, number, ...unknown[]];

/** Counts what it renders and stops at the bounds, naming the innermost section being repeated. */
class BoundedWriter extends Mustache.Writer {
  private chars = 0;
  private steps = 0;
  private readonly open: Token[] = [];

  constructor(private readonly template: string) {
    super();
  }

  override renderTokens(...args: Parameters<Mustache.Writer["renderTokens"]>): string {
    this.steps += args[0].length + 1;
    if (this.steps > MAX_TEMPLATE_STEPS)
      throw this.limit(
        `the template takes more than ${MAX_TEMPLATE_STEPS.toLocaleString("en")} steps to render: sections nested in sections repeat for every item of each`,
      );
    return super.renderTokens(...args);
  }

  override renderSection(...args: Parameters<Mustache.Writer["renderSection"]>): string {
    // mustache's tokens are [type, name, start, end, …]: typed string[] by @types/mustache, numbers at run time.
    this.open.push(args[0] as unknown as Token);
    try {
      return super.renderSection(...args);
    } finally {
      this.open.pop();
    }
  }

  override rawValue(token: string[]): string {
    return this.count(super.rawValue(token)) as string;
  }

  override unescapedValue(...args: Parameters<Mustache.Writer["unescapedValue"]>): string {
    return this.count(super.unescapedValue(...args)) as string;
  }

  override escapedValue(...args: Parameters<Mustache.Writer["escapedValue"]>): string {
    return this.count(super.escapedValue(...args)) as string;
  }

  private count(value: unknown): unknown {
    if (value !== undefined && value !== null) this.chars += String(value).length;
    if (this.chars > MAX_TEMPLATE_OUTPUT)
      throw this.limit(
        `the template's output would be larger than ${MAX_TEMPLATE_OUTPUT / 1024 / 1024} MiB: sections nested in sections repeat for every item of each`,
      );
    return value;
  }

  private limit(message: string): TemplateError {
    const section = this.open.at(-1);
    if (!section) return at(this.template, 0, message);
    return at(this.template, section[2], `${message} (here \`{{#${section[1]}}}\`)`);
  }
}

function at(template: string, offset: number, message: string): TemplateError {
  const before = template.slice(0, Math.max(0, Math.min(offset, template.length)));
  const line = before.split("\n").length;
  const col = before.length - before.lastIndexOf("\n");
  return new TemplateError(message, line, col);
}

function lastMatch(text: string, before: number, pattern: RegExp): number | undefined {
  let found: number | undefined;
  for (const match of text.slice(0, before).matchAll(pattern)) found = match.index;
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** mustache's syntax errors ("Unclosed section \"days\" at 120") in our words, positioned where the user must look. */
function syntaxError(template: string, error: Error): TemplateError {
  const where = /at (\d+)$/.exec(error.message);
  const offset = where ? Number(where[1]) : 0;
  const name = /"([^"]*)"/.exec(error.message)?.[1] ?? "";
  if (/^Unclosed section/.test(error.message)) {
    // mustache gives the offset where it gave up: the closing tag of another section, or the end of the template.
    const wrongClose = /^\{\{\s*\/\s*([^}\s]*)\s*\}\}/.exec(template.slice(offset));
    if (wrongClose)
      return at(
        template,
        offset,
        `\`{{/${wrongClose[1]}}}\` does not close the open section \`{{#${name}}}\`: close \`{{/${name}}}\` first`,
      );
    const opening = new RegExp(`\\{\\{\\s*[#^]\\s*${escapeRegExp(name)}\\s*\\}\\}`, "g");
    return at(
      template,
      lastMatch(template, offset, opening) ?? offset,
      `section \`{{#${name}}}\` is never closed: add \`{{/${name}}}\` where it ends`,
    );
  }
  if (/^Unopened section/.test(error.message))
    return at(template, offset, `\`{{/${name}}}\` closes a section that is not open`);
  if (/^Unclosed tag/.test(error.message))
    return at(
      template,
      lastMatch(template, offset, /\{\{/g) ?? offset,
      "a tag opened with `{{` is never closed with `}}`",
    );
  return at(template, offset, `the template cannot be read: ${error.message.replace(/ at \d+$/, "")}`);
}

/**
 * Render a template with a view of plain data whose strings are already
 * escaped for the output format. Mustache would HTML-escape `{{x}}` on top,
 * which is wrong for Markdown (`&` would show as `&amp;amp;`), so escaping is
 * turned off: `{{x}}` and `{{{x}}}` print the same, already-safe text.
 * Partials are not offered: `{{> file}}` prints nothing. A broken template,
 * or one whose sections nest so deep that it would print gigabytes or run for
 * minutes, throws a positioned TemplateError instead.
 */
export function renderTemplate(template: string, view: object): string {
  // A fresh writer per call: no cache shared between renders. Partials are a
  // prototype-less object: with `{}`, `{{> constructor}}` would find Object and crash.
  const writer = new BoundedWriter(template);
  try {
    writer.parse(template);
  } catch (error) {
    throw syntaxError(template, error as Error);
  }
  return writer.render(template, new DataContext(view), Object.create(null) as Record<string, string>, {
    escape: (value: unknown) => String(value),
  });
}
