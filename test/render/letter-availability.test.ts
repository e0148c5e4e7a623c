import { describe, expect, it } from "vitest";
import type { HostDay } from "../../src/plan/candidates.js";
import { availabilityPlan, describeHours } from "../../src/render/letter-availability.js";
import type { LetterLanguage } from "../../src/render/letter-language.js";
import { letterPhrases, type LetterFacts } from "../../src/render/letter-phrases.js";

// Minutes since midnight, request-local, as the candidates give them.
const h = (text: string) => {
  const [start, end] = text.split("-").map((t) => {
    const [hh, mm] = t.split(":").map(Number) as [number, number];
    return hh * 60 + mm;
  }) as [number, number];
  return { start, end };
};
const day = (date: string, windows: string[], slots: string[] = []): HostDay => ({
  date,
  windows: windows.map(h),
  slots: slots.map(h),
});
const REQUEST_DAYS = [
  { date: "2018-09-18", hours: h("14:00-18:30") },
  { date: "2018-09-19", hours: h("09:00-17:30") },
];
const sentence = (language: LetterLanguage, days: HostDay[], known = true) =>
  letterPhrases(language).when(availabilityPlan(days, REQUEST_DAYS, known));

describe("the availability sentence", () => {
  it("one window", () => {
    const days = [day("2018-09-18", []), day("2018-09-19", ["09:00-12:00"])];
    expect(sentence("en", days)).toBe("We would like to visit you on Wednesday 19 September in the morning.");
    expect(sentence("fr", days)).toBe(
      "Nous souhaiterions vous rendre visite le mercredi 19 septembre dans la matinée.",
    );
    expect(sentence("nl", days)).toBe("Wij zouden u graag bezoeken op woensdag 19 september in de ochtend.");
  });

  it("several windows: the morning first, the others in calendar order", () => {
    const days = [day("2018-09-18", ["14:00-18:00"]), day("2018-09-19", ["09:00-12:00", "14:00-16:00"])];
    expect(sentence("en", days)).toBe(
      "We would like to visit you on Wednesday 19 September in the morning; Tuesday 18 September in the afternoon or Wednesday 19 September from 14:00 to 16:00 would also suit us.",
    );
    expect(sentence("fr", days)).toBe(
      "Nous souhaiterions vous rendre visite le mercredi 19 septembre dans la matinée. Si cela ne vous convenait pas, nous pourrions aussi venir le mardi 18 septembre dans l'après-midi ou le mercredi 19 septembre de 14 h à 16 h.",
    );
    expect(sentence("nl", days)).toBe(
      "Wij zouden u graag bezoeken op woensdag 19 september in de ochtend. Mocht dat niet schikken, dan kunnen wij ook op dinsdag 18 september in de namiddag of op woensdag 19 september van 14.00 tot 16.00 uur langskomen.",
    );
  });

  it("a second time on the day just named is 'the same day'", () => {
    const days = [day("2018-09-19", ["09:00-12:00", "14:00-16:00"])];
    expect(sentence("en", days)).toBe(
      "We would like to visit you on Wednesday 19 September in the morning; the same day from 14:00 to 16:00 would also suit us.",
    );
    expect(sentence("fr", days)).toContain("nous pourrions aussi venir le même jour de 14 h à 16 h.");
    expect(sentence("nl", days)).toContain("dan kunnen wij ook op dezelfde dag van 14.00 tot 16.00 uur langskomen.");
  });

  it("a slot (the host's own offer) comes first and is given to the minute", () => {
    const days = [day("2018-09-18", ["14:00-18:00"]), day("2018-09-19", [], ["09:30-11:00"])];
    expect(sentence("en", days)).toBe(
      "We would like to visit you on Wednesday 19 September from 09:30 to 11:00; Tuesday 18 September in the afternoon would also suit us.",
    );
    expect(sentence("fr", days)).toMatch(
      /^Nous souhaiterions vous rendre visite le mercredi 19 septembre de 9 h 30 à 11 h\./,
    );
    expect(sentence("nl", days)).toMatch(
      /^Wij zouden u graag bezoeken op woensdag 19 september van 9\.30 tot 11\.00 uur\./,
    );
  });

  it("a whole day is left to the host's choice; odd hours are 'between'", () => {
    const days = [day("2018-09-18", ["14:00-18:30"]), day("2018-09-19", ["09:00-17:30"])];
    expect(sentence("en", days)).toBe(
      "We would like to visit you on Wednesday 19 September at a time of your choosing; Tuesday 18 September in the afternoon would also suit us.",
    );
    expect(sentence("en", [day("2018-09-19", ["11:00-15:00"])])).toBe(
      "We would like to visit you on Wednesday 19 September between 11:00 and 15:00.",
    );
  });

  it("no overlap: the letter says so and proposes the request's days", () => {
    const days = [day("2018-09-18", []), day("2018-09-19", [])];
    expect(sentence("en", days)).toBe(
      "We understand that you do not usually receive groups on those days. Should you be able to make an exception, we could come on Tuesday 18 September in the afternoon or on Wednesday 19 September at a time of your choosing; if not, we would be grateful to hear whether another arrangement might be possible.",
    );
    expect(sentence("fr", days)).toContain(
      "nous pourrions venir le mardi 18 septembre dans l'après-midi ou le mercredi 19 septembre à l'heure de votre choix",
    );
    expect(sentence("nl", days)).toContain(
      "dan kunnen wij op dinsdag 18 september in de namiddag of op woensdag 19 september op een tijdstip naar uw keuze langskomen",
    );
  });

  it("no overlap with a host whose availability is not on record: it only proposes", () => {
    expect(sentence("en", [day("2018-09-18", []), day("2018-09-19", [])], false)).toBe(
      "We could come on Tuesday 18 September in the afternoon or on Wednesday 19 September at a time of your choosing; please let us know what would suit you best.",
    );
  });
});

describe("describeHours: morning before noon, afternoon from noon, short windows exactly", () => {
  it.each([
    ["09:00-12:00", "morning"],
    ["08:30-12:30", "morning"],
    ["12:00-18:00", "afternoon"],
    ["14:00-18:30", "afternoon"],
    ["09:00-17:00", "all-day"],
    ["10:00-16:00", "all-day"],
    ["11:00-15:00", "between"],
    ["14:00-16:00", "exact"],
    ["18:00-21:00", "between"],
  ])("%s is %s", (hours, wording) => {
    expect(describeHours(h(hours), false)).toBe(wording);
  });

  it("a slot is always exact", () => expect(describeHours(h("09:00-12:00"), true)).toBe("exact"));
});

describe("the request's days in words", () => {
  const facts = (dates: string[]): LetterFacts => ({
    size: 8,
    from: "Jelgava",
    profile: [],
    dates,
    themes: [],
    visitMinutes: 60,
    plan: availabilityPlan([], [], true),
    delegationLanguages: [],
    hostLanguages: [],
    stepFree: false,
    email: "<a@example.org>",
  });

  it("two days in one month, three in a row as a range, across months and years", () => {
    expect(letterPhrases("en").introduction(facts(["2018-09-18", "2018-09-19"]))).toContain(
      "from Jelgava on Tuesday 18 and Wednesday 19 September 2018,",
    );
    expect(letterPhrases("en").introduction(facts(["2022-05-16", "2022-05-17", "2022-05-18"]))).toContain(
      "from Monday 16 to Wednesday 18 May 2022,",
    );
    expect(letterPhrases("fr").introduction(facts(["2022-05-16", "2022-05-17", "2022-05-18"]))).toContain(
      "du lundi 16 au mercredi 18 mai 2022,",
    );
    expect(letterPhrases("nl").introduction(facts(["2022-05-16", "2022-05-17", "2022-05-18"]))).toContain(
      "van maandag 16 tot en met woensdag 18 mei 2022",
    );
    expect(letterPhrases("fr").introduction(facts(["2018-09-30", "2018-10-01"]))).toContain(
      "le dimanche 30 septembre et le lundi 1er octobre 2018",
    );
    expect(letterPhrases("en").introduction(facts(["2018-12-31", "2019-01-02"]))).toContain(
      "on Monday 31 December 2018 and Wednesday 2 January 2019",
    );
    expect(letterPhrases("en").subject(facts(["2018-09-18", "2018-09-19"]))).toBe(
      "Request for a study visit by a delegation from Jelgava, 18 and 19 September 2018",
    );
    expect(letterPhrases("fr").subject(facts(["2018-09-19"]))).toBe(
      "Demande de visite d'étude pour une délégation venant de Jelgava, le 19 septembre 2018",
    );
  });
});
