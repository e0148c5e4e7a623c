import { describe, expect, it } from "vitest";
import { availabilityPlan } from "../../src/render/letter-availability.js";
import type { LetterFacts } from "../../src/render/letter-facts.js";
import { fromPlace, onWeekday, polishPhrases } from "../../src/render/letter-phrases-pl.js";

// Polish inflects what the other languages only place: weekdays, months,
// language names, numbers of people and hours all change with the word
// before them. date-fns gives the months in the genitive; the rest is ours.

describe("Polish dates", () => {
  it("a weekday after 'w' is in the accusative, and 'w' becomes 'we' before 'wtorek'", () => {
    // 17–23 September 2018: Monday to Sunday.
    const week = ["17", "18", "19", "20", "21", "22", "23"].map((d) => onWeekday(`2018-09-${d}`));
    expect(week).toEqual([
      "w poniedziałek",
      "we wtorek",
      "w środę",
      "w czwartek",
      "w piątek",
      "w sobotę",
      "w niedzielę",
    ]);
  });

  it("every month in the genitive after the day (date-fns' formatting forms)", () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      polishPhrases.date(`2019-${String(i + 1).padStart(2, "0")}-05`).replace(/^5 | 2019 r\.$/g, ""),
    );
    expect(months).toEqual([
      "stycznia",
      "lutego",
      "marca",
      "kwietnia",
      "maja",
      "czerwca",
      "lipca",
      "sierpnia",
      "września",
      "października",
      "listopada",
      "grudnia",
    ]);
  });
});

describe("Polish: where the delegation comes from", () => {
  it.each([
    ["Ljubljana", "z Ljubljany"],
    ["Jelgava", "z Jelgavy"],
    ["Warszawa", "z Warszawy"],
    ["Praga", "z Pragi"],
    ["Bruksela", "z Brukseli"],
    ["Ameryka", "z Ameryki"],
    // not a feminine noun in -a: the name stays as written, after "z miasta"
    ["Rotterdam", "z miasta Rotterdam"],
    ["Kraków", "z miasta Kraków"],
    ["Nowy Sącz", "z miasta Nowy Sącz"],
    ["Turcja", "z miasta Turcja"],
    // not a name: in brackets, never declined wrongly
    ["EU partner cities", "(EU partner cities)"],
  ])("%s → %s", (name, words) => expect(fromPlace(name)).toBe(words));
});

describe("Polish numbers and languages", () => {
  const facts = (over: Partial<LetterFacts>): LetterFacts => ({
    size: 12,
    profile: [],
    dates: ["2018-09-19"],
    themes: [],
    visitMinutes: 90,
    shape: { kind: "visit" },
    plan: availabilityPlan([], [], true),
    delegationLanguages: [],
    hostLanguages: [],
    stepFree: false,
    email: "<a@example.org>",
    ...over,
  });

  it.each([
    [1, "Delegacja liczy 1 osobę."],
    [3, "Delegacja liczy 3 osoby."],
    [12, "Delegacja liczy 12 osób."],
    [22, "Delegacja liczy 22 osoby."],
    [25, "Delegacja liczy 25 osób."],
  ])("a delegation of %i", (size, words) => {
    expect(polishPhrases.introduction(facts({ size }))).toContain(words);
  });

  it.each([
    [30, "około pół godziny"],
    [60, "około godziny"],
    [90, "około półtorej godziny"],
    [75, "około 75 minut"],
    [120, "około dwóch godzin"],
    [150, "około dwóch i pół godziny"],
    [135, "około dwóch godzin i 15 minut"],
  ])("%i minutes after 'około' (genitive)", (minutes, words) => {
    expect(polishPhrases.visit(facts({ visitMinutes: minutes }))).toContain(`trwałoby ${words}:`);
  });

  it("language names: instrumental after 'językiem', locative after 'w języku', genitive after 'z języka'", () => {
    const shape = { kind: "visit" } as const;
    expect(polishPhrases.languages(["en", "sl"], ["fr", "en"], ["en", "fr"], shape)).toBe(
      "Delegacja posługuje się językiem angielskim i słoweńskim, więc wizyta mogłaby się odbyć w języku angielskim.",
    );
    expect(polishPhrases.languages(["lv", "en", "ru"], ["fr", "nl"], ["en", "fr"], shape)).toBe(
      "Delegacja posługuje się językiem łotewskim, angielskim i rosyjskim, a Państwa zespół pracuje w języku francuskim i niderlandzkim: zapewnimy tłumaczenie z języka angielskiego na francuski.",
    );
    expect(polishPhrases.languages(["en", "de"], ["de", "en"], ["en", "de"], shape)).toContain(
      "w języku niemieckim lub angielskim",
    );
  });

  it("a host too small for the group: groups in the locative, people in the right plural", () => {
    expect(polishPhrases.capacity(10, 12)).toBe(
      "Wiemy, że zazwyczaj przyjmują Państwo grupy liczące maksymalnie 10 osób; jeśli to ułatwi organizację, delegacja mogłaby przyjść w dwóch mniejszych grupach.",
    );
    expect(polishPhrases.capacity(4, 12)).toContain("maksymalnie 4 osoby;");
    expect(polishPhrases.capacity(4, 12)).toContain("w trzech mniejszych grupach");
  });

  it("one theme or several, each kept in the nominative", () => {
    expect(polishPhrases.reason(["good practices"])).toBe(
      "Szczególnie interesuje nas Państwa działalność w obszarze, jakim jest good practices – właśnie o tym delegacja chce się dowiedzieć jak najwięcej.",
    );
    expect(polishPhrases.reason(["integracja migrantów", "przedsiębiorczość"])).toContain(
      "w takich obszarach, jak integracja migrantów i przedsiębiorczość –",
    );
  });
});
