import { describe, expect, it } from "vitest";
import { longDate } from "../../src/records/dates.js";
import { renderTimeline, type Paint } from "../../src/render/timeline.js";
import { AGENDAS, golden, loadAgenda, renderInput } from "./render-fixtures.js";

const header = (name: (typeof AGENDAS)[number]) => {
  const input = renderInput(name);
  return {
    title: input.request.title,
    delegation: `${input.request.delegation.size} people`,
    hostNames: new Map([...input.hosts.values()].map((h) => [h.id, h.name])),
    quality: "proven optimal",
  };
};

describe("the terminal timeline", () => {
  it.each(AGENDAS)("%s matches its golden file", async (name) => {
    await expect(`${renderTimeline(loadAgenda(name), header(name))}\n`).toMatchFileSnapshot(
      golden(`timeline-${name}.txt`),
    );
  });

  it("colours only through the Paint it is given", () => {
    const marked: Paint = {
      bold: (t) => `<b>${t}</b>`,
      dim: (t) => `<d>${t}</d>`,
      accent: (t) => t,
      location: (t) => `<l>${t}</l>`,
      travel: (t) => `<t>${t}</t>`,
      warn: (t) => t,
    };
    const text = renderTimeline(loadAgenda("ljubljana-2018"), header("ljubljana-2018"), marked);
    expect(text).toContain("<b>Wednesday 19 September 2018</b>");
    expect(text).toMatch(/<t>walk \d+ min · [\d.]+ km → /);
    expect(text).not.toContain("\u001b[");
  });

  it("writes dates in English without the machine's locale", () => {
    expect(longDate("2018-09-19")).toBe("Wednesday 19 September 2018");
    expect(longDate("2021-09-09")).toBe("Thursday 9 September 2021");
  });
});

describe("hostile record text in the terminal", () => {
  it("stays on its line and carries no control characters", () => {
    const text = renderTimeline(loadAgenda("hostile-2018"), header("hostile-2018"));
    // eslint-disable-next-line no-control-regex -- looking for control characters is the test
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text.split("\n").filter((l) => /^BEGIN:VEVENT/.test(l))).toEqual([]);
    const evil = { ...header("hostile-2018"), title: "Visit\u001b[2J\u001b[31m red" };
    expect(renderTimeline(loadAgenda("hostile-2018"), evil).split("\n")[0]).toBe("Visit [2J [31m red");
  });
});
