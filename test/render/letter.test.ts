import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LETTER_LANGUAGES } from "../../src/render/letter-language.js";
import type { LetterLanguage } from "../../src/render/letter-language.js";
import { letterView, renderLetter, type JointMeeting } from "../../src/render/letter.js";
import { repoRoot } from "../helpers/files.js";
import { bundledCandidate, bundledTemplate, bundledWorkspace, letterGolden, LETTER_DATE } from "./letter-fixtures.js";

/** The golden letter `<request>-<host>[-variant].<language>.md`, rendered with the bundled template. */
async function golden(
  requestId: string,
  hostId: string,
  language: LetterLanguage,
  date: string,
  joint?: JointMeeting,
): Promise<void> {
  const { request, candidate } = bundledCandidate(requestId, hostId);
  const variant = joint ? "-joint" : "";
  await expect(
    renderLetter({ request, candidate, language, date, ...(joint ? { joint } : {}) }, bundledTemplate(language)),
  ).toMatchFileSnapshot(letterGolden(`${requestId}-${hostId}${variant}.${language}.md`));
}

/**
 * What the CLI passes for the Jelgava mentoring session, the bundled fixed
 * item with `hosts: [schaerbeek, brulocalis]` at BRULOCALIS' office (18 May
 * 2022, 14:00–15:30); test/cli/joint-meetings.test.ts checks the CLI's letter
 * against the same golden file.
 */
function mentoringSession(): JointMeeting {
  const ws = bundledWorkspace();
  const brulocalis = ws.hosts.get("brulocalis");
  const office = ws.places.get("brulocalis-office");
  if (!brulocalis || !office) throw new Error("data/ lost BRULOCALIS");
  return { with: [brulocalis.name], date: "2022-05-18", hours: { start: 14 * 60, end: 15 * 60 + 30 }, place: office };
}

describe("renderLetter: golden letters from the bundled workspace", () => {
  it.each(LETTER_LANGUAGES)("the Etterbeek letter for ljubljana-2018 in %s", async (language) => {
    await golden("ljubljana-2018", "etterbeek", language, LETTER_DATE);
  });

  it("the microStart letter (one slot offered, French contact) in French", async () => {
    await golden("ljubljana-2018", "microstart", "fr", LETTER_DATE);
  });

  it.each(["en", "fr", "de"] as const)(
    "a walking tour (microStart's shops walk) in %s: asked to guide the walk",
    async (language) => {
      await golden("ljubljana-2018", "microstart-shops-walk", language, LETTER_DATE);
    },
  );

  it.each([
    ["singa-berlin", "de"],
    ["demetra", "it"],
    ["le-monde-des-possibles", "fr"],
  ] as const)("an online host (%s) in %s: asked for a video meeting", async (host, language) => {
    await golden("express-2021", host, language, "2021-07-01");
  });

  it.each(["en", "fr", "pl"] as const)(
    "a joint meeting (Schaerbeek with BRULOCALIS, a fixed time) in %s: asked to take part",
    async (language) => {
      await golden("jelgava-schaerbeek", "schaerbeek", language, "2022-04-01", mentoringSession());
    },
  );

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
      "We would like to visit you on Wednesday 19 September in the morning. If that is not convenient for you, we could also come the same day from 14:00 to 16:00.",
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

describe("letterView: what the letter asks for", () => {
  it("an ordinary visit: a presentation, then questions and an exchange", () => {
    const { request, candidate } = bundledCandidate("ljubljana-2018", "etterbeek");
    const view = letterView({ request, candidate, language: "en", date: LETTER_DATE });
    expect([view.walk, view.online, view.joint]).toEqual([false, false, false]);
    expect(view.visit).toBe(
      "We would ask for about an hour and a half of your time: a presentation of your work, followed by questions and a discussion with the delegation.",
    );
  });

  it("a walking tour (visit.ends_at): guide the walk from its start to its end; the start is no postal address", () => {
    const { request, candidate } = bundledCandidate("ljubljana-2018", "microstart-shops-walk");
    const view = letterView({ request, candidate, language: "en", date: LETTER_DATE });
    expect(view.walk).toBe(true);
    expect(view.visit).toBe(
      "We would ask you to guide the delegation on a walk of about half an hour, starting at Place Bara and ending at Place du Conseil, with time for questions along the way.",
    );
    expect(view.visit).not.toContain("presentation");
    expect(view.recipient).not.toContain("Place Bara");
    const stepFree = { ...request, delegation: { ...request.delegation, step_free: true } };
    const unknownRoute = {
      ...candidate,
      place: { ...candidate.place, step_free: undefined },
    } as typeof candidate;
    expect(
      letterView({ request: stepFree, candidate: unknownRoute, language: "en", date: LETTER_DATE }).practicalities,
    ).toContain("could you tell us whether the route is step-free?");
  });

  it("an online host: a video meeting, with its link", () => {
    const { request, candidate } = bundledCandidate("express-2021", "singa-berlin");
    const view = letterView({ request, candidate, language: "en", date: "2021-07-01" });
    expect(view.online).toBe(true);
    expect(view.visit).toBe(
      "We would ask for about 75 minutes of your time in a video meeting (<https://example.org/express/breakout-d>): a presentation of your work, followed by questions and a discussion with the delegation.",
    );
    expect(view.when).toBe("We would like to meet you online on Thursday 9 September from 10:00 to 11:15.");
    expect(view.introduction).toMatch(/we would be delighted if you could meet us online\.$/);
  });

  it("a joint meeting without a fixed time: the co-hosts are named, the host's free time is asked for", () => {
    const { request, candidate } = bundledCandidate("jelgava-schaerbeek", "schaerbeek");
    const joint = { with: ["the Maison des Femmes", "VIA"] };
    const en = letterView({ request, candidate, language: "en", date: "2022-04-01", joint });
    expect(en.joint).toBe(true);
    expect(en.visit).toBe(
      "We would like to ask you to take part in a joint meeting with the delegation, together with the Maison des Femmes and VIA. It would last about an hour and a half: a short presentation by each organisation, followed by questions and a discussion.",
    );
    expect(en.when).toBe(
      "We would like to hold the meeting on Tuesday 17 May from 14:00 to 16:00. If that is not convenient for you, we could also meet on Wednesday 18 May from 09:00 to 10:30.",
    );
    const fr = letterView({
      request,
      candidate,
      language: "fr",
      date: "2022-04-01",
      joint: { with: ["VIA", "Ixelles"] },
    });
    expect(fr.visit).toContain("aux côtés de VIA et d'Ixelles.");
    const pl = letterView({ request, candidate, language: "pl", date: "2022-04-01", joint });
    expect(pl.visit).toContain("w którym wezmą również udział the Maison des Femmes i VIA.");
    const de = letterView({ request, candidate, language: "de", date: "2022-04-01", joint: { with: ["VIA"] } });
    expect(de.visit).toContain("zu einem gemeinsamen Treffen mit der Delegation einladen, zusammen mit VIA.");
  });

  it("a joint meeting held online: a joint video meeting with its link, no venue", () => {
    const { request, candidate } = bundledCandidate("jelgava-schaerbeek", "schaerbeek");
    const room = bundledWorkspace().places.get("express-webinar-room");
    if (!room) throw new Error("data/ lost the webinar room");
    const view = letterView({
      request,
      candidate,
      language: "es",
      date: "2022-04-01",
      joint: { with: ["BRULOCALIS"], date: "2022-05-18", hours: { start: 14 * 60, end: 15 * 60 }, place: room },
    });
    expect(view.online).toBe(true);
    expect(view.visit).toBe(
      "Nos gustaría invitarles a participar en una reunión conjunta por videoconferencia (<https://example.org/express/ltta-2021>) con la delegación, junto con BRULOCALIS. Duraría aproximadamente una hora: cada organización presentaría brevemente su trabajo y después habría un turno de preguntas e intercambio.",
    );
    expect(view.when).toBe(
      "La reunión conjunta está prevista para el miércoles 18 de mayo de 14:00 a 15:00; les agradeceríamos que nos confirmaran si este horario les conviene.",
    );
  });
});

describe("dates come from date-fns locale modules, one per language", () => {
  it("each language's phrases import its own locale module, never the whole index", () => {
    for (const language of LETTER_LANGUAGES) {
      const source = readFileSync(join(repoRoot, "src", "render", `letter-phrases-${language}.ts`), "utf8");
      const locale = { en: "en-GB" }[language as "en"] ?? language;
      expect(source).toContain(`from "date-fns/locale/${locale}";`);
      expect(source).not.toMatch(/from "date-fns\/locale";/);
    }
  });
});
