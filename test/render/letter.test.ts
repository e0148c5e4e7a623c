import { describe, expect, it } from "vitest";
import { LETTER_LANGUAGES } from "../../src/render/letter-language.js";
import { letterView, renderLetter } from "../../src/render/letter.js";
import { bundledCandidate, bundledTemplate, expectLetterGolden, LETTER_DATE } from "./letter-fixtures.js";

describe("renderLetter: golden letters from the bundled workspace", () => {
  it.each(LETTER_LANGUAGES)("the Etterbeek letter for ljubljana-2018 in %s", (language) => {
    const { request, candidate } = bundledCandidate("ljubljana-2018", "etterbeek");
    expectLetterGolden(
      `ljubljana-2018-etterbeek.${language}.md`,
      renderLetter({ request, candidate, language, date: LETTER_DATE }, bundledTemplate(language)),
    );
  });

  it("the microStart letter (one slot offered, French contact) in French", () => {
    const { request, candidate } = bundledCandidate("ljubljana-2018", "microstart");
    expectLetterGolden(
      "ljubljana-2018-microstart.fr.md",
      renderLetter({ request, candidate, language: "fr", date: LETTER_DATE }, bundledTemplate("fr")),
    );
  });

  it("the Jelgava letter to the Maison des Femmes: no shared language, so interpretation", () => {
    const { request, candidate } = bundledCandidate("jelgava-schaerbeek", "maison-des-femmes-schaerbeek");
    const view = letterView({ request, candidate, language: "en", date: "2022-04-01" });
    expect(view.interpretation).toBe(true);
    expect(view.practicalities).toMatch(
      /^The delegation speaks Latvian, English and Russian and your team works in French and Dutch: we will arrange for interpretation \(English–French\)\.$/,
    );
  });
});

describe("letterView: what the letter says", () => {
  const { request, candidate } = bundledCandidate("ljubljana-2018", "etterbeek");
  const en = letterView({ request, candidate, language: "en", date: LETTER_DATE });

  it("names only the host's themes that match the delegation's interests, in words", () => {
    expect(en.themes).toBe("migrant inclusion, spaces supporting diversity and good practices");
    expect(en.reason).toContain("Your work on migrant inclusion, spaces supporting diversity and good practices");
    // Etterbeek's other themes and the delegation's unmatched interests stay out.
    for (const other of ["social cohesion", "local government", "workshops", "creativity of migrants"])
      expect(JSON.stringify(en)).not.toContain(other);
  });

  it("weightiest interest first: microStart's work on migrant entrepreneurship (weight 3) before good practices", () => {
    const micro = bundledCandidate("ljubljana-2018", "microstart");
    expect(letterView({ ...micro, language: "en", date: LETTER_DATE }).themes).toBe(
      "migrant entrepreneurship and good practices",
    );
  });

  it("says who writes, for whom, how many, and when", () => {
    expect(en.introduction).toBe(
      "I am writing to you on behalf of Slovenian Migration Institute, ZRC SAZU. We are organising a study visit for a delegation of 12 people from Ljubljana (city officials, NGO staff, migrants, researchers and education experts) on Tuesday 18 and Wednesday 19 September 2018, and we would be delighted if you could receive us.",
    );
    expect(en.when).toBe(
      "We would like to visit you on Wednesday 19 September in the morning; the same day from 14:00 to 16:00 would also suit us.",
    );
    expect(en.date).toBe("21 August 2018");
    expect(en.signature).toBe("dr. Jure Gombac\\\nSlovenian Migration Institute, ZRC SAZU\\\n<j.gombac@example.org>");
  });

  it("dates in each language: the French first of the month is 1er", () => {
    expect(letterView({ request, candidate, language: "fr", date: "2018-10-01" }).date).toBe("Le 1er octobre 2018");
    expect(letterView({ request, candidate, language: "nl", date: "2018-10-01" }).date).toBe("1 oktober 2018");
  });

  it("an over-small host hears that the group could split; a step-free delegation asks about access", () => {
    const small = bundledCandidate("ljubljana-2018", "globe-aroma");
    const stepFree = { ...small.request, delegation: { ...small.request.delegation, step_free: true } };
    const view = letterView({ request: stepFree, candidate: small.candidate, language: "en", date: LETTER_DATE });
    expect(view.practicalities).toContain(
      "groups of up to 10 people; if it helps, the delegation could come in two smaller groups.",
    );
    expect(view.practicalities).toContain("step-free access");
  });
});
