import { describe, expect, it } from "vitest";
import { MAX_TEMPLATE_OUTPUT, renderTemplate, TemplateError } from "../../src/render/logic-less-template.js";

const days = { days: Array.from({ length: 5 }, (_, i) => ({ n: i, name: `day ${i}` })) };

function thrown(template: string, view: object = days): TemplateError {
  try {
    renderTemplate(template, view);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("rendered without an error");
}

describe("renderTemplate: bounded in size and time, positioned syntax errors", () => {
  it("renders ordinary nesting as before", () => {
    expect(renderTemplate("{{#days}}{{name}};{{/days}}", days)).toBe("day 0;day 1;day 2;day 3;day 4;");
  });

  it("stops sections nested twenty deep (5^20 repetitions) at once, naming the innermost section", () => {
    const template = `intro\n${"{{#days}}".repeat(20)}x${"{{/days}}".repeat(20)}`;
    const started = process.hrtime.bigint();
    const error = thrown(template);
    // A bound on work, not a timing assertion: without it this would run for days.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(30_000);
    expect(error.message).toMatch(
      /^the template takes more than 1,000,000 steps to render: sections nested in sections repeat/,
    );
    expect(error.message).toContain("(here `{{#days}}`)");
    expect(error.line).toBe(2);
  });

  it("stops output past its size bound even when few steps make it", () => {
    const big = { text: "x".repeat(1024 * 1024), many: Array.from({ length: 20 }, () => ({})) };
    const error = thrown("{{#many}}{{text}}{{/many}}", big);
    expect(error.message).toBe(
      `the template's output would be larger than ${MAX_TEMPLATE_OUTPUT / 1024 / 1024} MiB: sections nested in sections repeat for every item of each (here \`{{#many}}\`)`,
    );
    expect([error.line, error.col]).toEqual([1, 1]);
  });

  it.each([
    ["line 1\n{{#days}}\n{{name}}\n", 2, 1, "section `{{#days}}` is never closed: add `{{/days}}` where it ends"],
    ["a\nb {{/days}}", 2, 3, "`{{/days}}` closes a section that is not open"],
    [
      "{{#days}}x{{/nights}}",
      1,
      11,
      "`{{/nights}}` does not close the open section `{{#days}}`: close `{{/days}}` first",
    ],
    ["ok\n  {{name", 2, 3, "a tag opened with `{{` is never closed with `}}`"],
  ])("positions a broken template: %j", (template, line, col, message) => {
    const error = thrown(template);
    expect({ line: error.line, col: error.col, message: error.message }).toEqual({ line, col, message });
  });
});
