import { describe, expect, it } from "vitest";
import type { HostDay } from "../../src/plan/candidates.js";
import { availabilityPlan, describeHours } from "../../src/render/letter-availability.js";
import type { LetterLanguage } from "../../src/render/letter-language.js";
import type { LetterFacts, VisitShape } from "../../src/render/letter-facts.js";
import { letterPhrases } from "../../src/render/letter-phrases.js";

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
const VISIT: VisitShape = { kind: "visit" };
const sentence = (language: LetterLanguage, days: HostDay[], known = true, shape: VisitShape = VISIT) =>
  letterPhrases(language).when(availabilityPlan(days, REQUEST_DAYS, known), shape);

describe("the availability sentence, in each language", () => {
  it("one window", () => {
    const days = [day("2018-09-18", []), day("2018-09-19", ["09:00-12:00"])];
    expect(sentence("en", days)).toBe("We would like to visit you on Wednesday 19 September in the morning.");
    expect(sentence("fr", days)).toBe(
      "Nous souhaiterions vous rendre visite le mercredi 19 septembre dans la matinée.",
    );
    expect(sentence("nl", days)).toBe("Wij zouden graag op woensdag 19 september in de ochtend bij u langskomen.");
    expect(sentence("de", days)).toBe("Wir würden Sie gern am Mittwoch, 19. September, vormittags besuchen.");
    expect(sentence("es", days)).toBe("Nos gustaría visitarles el miércoles 19 de septiembre por la mañana.");
    expect(sentence("it", days)).toBe("Vorremmo farvi visita mercoledì 19 settembre in mattinata.");
    expect(sentence("pl", days)).toBe("Chcielibyśmy odwiedzić Państwa w środę 19 września przed południem.");
  });

  it("several windows: the morning first, the others in calendar order", () => {
    const days = [day("2018-09-18", ["14:00-18:00"]), day("2018-09-19", ["09:00-12:00", "14:00-16:00"])];
    expect(sentence("en", days)).toBe(
      "We would like to visit you on Wednesday 19 September in the morning. If that is not convenient for you, we could also come on Tuesday 18 September in the afternoon or on Wednesday 19 September from 14:00 to 16:00.",
    );
    expect(sentence("fr", days)).toBe(
      "Nous souhaiterions vous rendre visite le mercredi 19 septembre dans la matinée. Si cela ne vous convenait pas, nous pourrions aussi venir le mardi 18 septembre dans l'après-midi ou le mercredi 19 septembre de 14 h à 16 h.",
    );
    expect(sentence("nl", days)).toBe(
      "Wij zouden graag op woensdag 19 september in de ochtend bij u langskomen. Mocht dat niet schikken, dan kunnen wij ook op dinsdag 18 september in de namiddag of op woensdag 19 september van 14.00 tot 16.00 uur komen.",
    );
    expect(sentence("de", days)).toBe(
      "Wir würden Sie gern am Mittwoch, 19. September, vormittags besuchen. Falls Ihnen das nicht passt, könnten wir auch am Dienstag, 18. September, nachmittags oder am Mittwoch, 19. September, von 14:00 bis 16:00 Uhr kommen.",
    );
    expect(sentence("es", days)).toBe(
      "Nos gustaría visitarles el miércoles 19 de septiembre por la mañana. Si no les fuera posible, podríamos acudir también el martes 18 de septiembre por la tarde o el miércoles 19 de septiembre de 14:00 a 16:00.",
    );
    expect(sentence("it", days)).toBe(
      "Vorremmo farvi visita mercoledì 19 settembre in mattinata. Se non vi fosse possibile, potremmo venire anche martedì 18 settembre nel pomeriggio o mercoledì 19 settembre dalle 14.00 alle 16.00.",
    );
    // Polish: the weekday in the accusative after "w" ("we" before "wtorek"), the month in the genitive.
    expect(sentence("pl", days)).toBe(
      "Chcielibyśmy odwiedzić Państwa w środę 19 września przed południem. Gdyby ten termin Państwu nie odpowiadał, moglibyśmy przyjść także we wtorek 18 września po południu lub w środę 19 września w godzinach 14.00–16.00.",
    );
  });

  it("a second time on the day just named is 'the same day'", () => {
    const days = [day("2018-09-19", ["09:00-12:00", "14:00-16:00"])];
    expect(sentence("en", days)).toBe(
      "We would like to visit you on Wednesday 19 September in the morning. If that is not convenient for you, we could also come the same day from 14:00 to 16:00.",
    );
    expect(sentence("fr", days)).toContain("nous pourrions aussi venir le même jour de 14 h à 16 h.");
    expect(sentence("nl", days)).toContain("dan kunnen wij ook op dezelfde dag van 14.00 tot 16.00 uur komen.");
    expect(sentence("de", days)).toContain("könnten wir auch am selben Tag von 14:00 bis 16:00 Uhr kommen.");
    expect(sentence("es", days)).toContain("podríamos acudir también ese mismo día de 14:00 a 16:00.");
    expect(sentence("it", days)).toContain("potremmo venire anche lo stesso giorno dalle 14.00 alle 16.00.");
    expect(sentence("pl", days)).toContain("moglibyśmy przyjść także tego samego dnia w godzinach 14.00–16.00.");
  });

  it("a slot (the host's own offer) comes first and is given to the minute, in the language's clock", () => {
    const days = [day("2018-09-18", ["14:00-18:00"]), day("2018-09-19", [], ["09:30-11:00"])];
    // The sentence opens with the slot; the afternoon follows as the alternative.
    const opens = (language: LetterLanguage, expected: string) =>
      expect(sentence(language, days).slice(0, expected.length)).toBe(expected);
    opens("en", "We would like to visit you on Wednesday 19 September from 09:30 to 11:00. ");
    opens("fr", "Nous souhaiterions vous rendre visite le mercredi 19 septembre de 9 h 30 à 11 h. ");
    opens("nl", "Wij zouden graag op woensdag 19 september van 9.30 tot 11.00 uur bij u langskomen. ");
    opens("de", "Wir würden Sie gern am Mittwoch, 19. September, von 9:30 bis 11:00 Uhr besuchen. ");
    opens("es", "Nos gustaría visitarles el miércoles 19 de septiembre de 9:30 a 11:00. ");
    opens("it", "Vorremmo farvi visita mercoledì 19 settembre dalle 9.30 alle 11.00. ");
    opens("pl", "Chcielibyśmy odwiedzić Państwa w środę 19 września w godzinach 9.30–11.00. ");
  });

  it("a whole day is left to the host's choice; odd hours are 'between'", () => {
    const days = [day("2018-09-18", ["14:00-18:30"]), day("2018-09-19", ["09:00-17:30"])];
    expect(sentence("en", days)).toBe(
      "We would like to visit you on Wednesday 19 September at a time of your choosing. If that is not convenient for you, we could also come on Tuesday 18 September in the afternoon.",
    );
    const between = [day("2018-09-19", ["11:00-15:00"])];
    expect(sentence("en", between)).toBe(
      "We would like to visit you on Wednesday 19 September between 11:00 and 15:00.",
    );
    expect(sentence("de", between)).toBe(
      "Wir würden Sie gern am Mittwoch, 19. September, zwischen 11:00 und 15:00 Uhr besuchen.",
    );
    expect(sentence("es", between)).toBe(
      "Nos gustaría visitarles el miércoles 19 de septiembre entre las 11:00 y las 15:00.",
    );
    expect(sentence("it", between)).toBe("Vorremmo farvi visita mercoledì 19 settembre tra le 11.00 e le 15.00.");
    expect(sentence("pl", between)).toBe("Chcielibyśmy odwiedzić Państwa w środę 19 września między 11.00 a 15.00.");
  });

  it("Italian elides the article before one o'clock", () => {
    expect(sentence("it", [day("2018-09-19", [], ["13:00-14:00"])])).toBe(
      "Vorremmo farvi visita mercoledì 19 settembre dalle 13.00 alle 14.00.",
    );
    expect(sentence("it", [day("2018-09-19", [], ["01:30-02:00"])])).toBe(
      "Vorremmo farvi visita mercoledì 19 settembre dall'1.30 alle 2.00.",
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
      "dan kunnen wij op dinsdag 18 september in de namiddag of op woensdag 19 september op een tijdstip naar uw keuze komen",
    );
    expect(sentence("de", days)).toBe(
      "Soweit wir wissen, empfangen Sie an diesen Tagen in der Regel keine Gruppen. Falls Sie eine Ausnahme machen könnten, würden wir am Dienstag, 18. September, nachmittags oder am Mittwoch, 19. September, zu einer Zeit Ihrer Wahl kommen; andernfalls wären wir Ihnen für einen anderen Vorschlag dankbar.",
    );
    expect(sentence("es", days)).toBe(
      "Entendemos que esos días no suelen recibir grupos. Si pudieran hacer una excepción, podríamos acudir el martes 18 de septiembre por la tarde o el miércoles 19 de septiembre a la hora que mejor les convenga; de lo contrario, les agradeceríamos que nos indicaran si existe otra posibilidad.",
    );
    expect(sentence("it", days)).toBe(
      "Ci risulta che in quei giorni di solito non ricevete gruppi. Se poteste fare un'eccezione, potremmo venire martedì 18 settembre nel pomeriggio o mercoledì 19 settembre all'orario che preferite; in caso contrario, vi saremmo grati se ci indicaste un'altra soluzione possibile.",
    );
    expect(sentence("pl", days)).toBe(
      "Z tego, co wiemy, w te dni zazwyczaj nie przyjmują Państwo grup. Gdyby mogli Państwo zrobić wyjątek, moglibyśmy przyjść we wtorek 18 września po południu lub w środę 19 września o dogodnej dla Państwa porze; jeśli nie, będziemy wdzięczni za informację, czy możliwe jest inne rozwiązanie.",
    );
  });

  it("no overlap with a host whose availability is not on record: it only proposes", () => {
    const days = [day("2018-09-18", []), day("2018-09-19", [])];
    expect(sentence("en", days, false)).toBe(
      "We could come on Tuesday 18 September in the afternoon or on Wednesday 19 September at a time of your choosing; please let us know what would suit you best.",
    );
    expect(sentence("de", days, false)).toBe(
      "Wir könnten am Dienstag, 18. September, nachmittags oder am Mittwoch, 19. September, zu einer Zeit Ihrer Wahl kommen; bitte teilen Sie uns mit, was Ihnen am besten passt.",
    );
    expect(sentence("pl", days, false)).toBe(
      "Moglibyśmy przyjść we wtorek 18 września po południu lub w środę 19 września o dogodnej dla Państwa porze; prosimy o informację, który termin najbardziej Państwu odpowiada.",
    );
  });
});

describe("the availability sentence says what the letter asks for", () => {
  const morning = [day("2018-09-19", ["09:00-12:00", "14:00-16:00"])];
  const walk: VisitShape = { kind: "walk", start: "Place Bara", end: "Place du Conseil" };
  const online: VisitShape = { kind: "online", link: "<https://example.org/room>" };
  const joint: VisitShape = { kind: "joint", with: ["BRULOCALIS"] };

  it("a walking tour is walked with the host, a video meeting is met online, a joint meeting is held", () => {
    expect(sentence("en", morning, true, walk)).toBe(
      "We would like to take the walk with you on Wednesday 19 September in the morning. If that is not convenient for you, we could also come the same day from 14:00 to 16:00.",
    );
    expect(sentence("en", morning, true, online)).toBe(
      "We would like to meet you online on Wednesday 19 September in the morning. If that is not convenient for you, we could also meet online the same day from 14:00 to 16:00.",
    );
    expect(sentence("en", morning, true, joint)).toMatch(
      /^We would like to hold the meeting on Wednesday 19 September in the morning\. .* we could also meet the same day/,
    );
    expect(sentence("fr", morning, true, walk)).toMatch(
      /^Nous souhaiterions faire cette visite à pied avec vous le mercredi 19 septembre dans la matinée\./,
    );
    expect(sentence("nl", morning, true, online)).toBe(
      "Wij zouden u graag op woensdag 19 september in de ochtend online ontmoeten. Mocht dat niet schikken, dan kunnen wij ook op dezelfde dag van 14.00 tot 16.00 uur online afspreken.",
    );
    expect(sentence("de", morning, true, walk)).toMatch(
      /^Wir würden den Rundgang gern am Mittwoch, 19\. September, vormittags mit Ihnen machen\./,
    );
    expect(sentence("es", morning, true, online)).toMatch(
      /^Nos gustaría reunirnos con ustedes en línea el miércoles 19 de septiembre por la mañana\. .*podríamos reunirnos en línea también ese mismo día/,
    );
    expect(sentence("it", morning, true, joint)).toMatch(
      /^Vorremmo tenere l'incontro mercoledì 19 settembre in mattinata\. .*potremmo incontrarci anche lo stesso giorno/,
    );
    expect(sentence("pl", morning, true, online)).toMatch(
      /^Chcielibyśmy spotkać się z Państwem online w środę 19 września przed południem\. .*moglibyśmy połączyć się także tego samego dnia/,
    );
  });

  it("a joint meeting whose time is fixed asks whether that time suits, not when the host is free", () => {
    const fixed: VisitShape = {
      kind: "joint",
      with: ["BRULOCALIS"],
      date: "2022-05-18",
      hours: h("14:00-15:30"),
      place: "BRULOCALIS",
    };
    const at = (language: LetterLanguage) => sentence(language, morning, true, fixed);
    expect(at("en")).toBe(
      "The joint meeting is planned for Wednesday 18 May from 14:00 to 15:30, at BRULOCALIS; please let us know whether this time suits you.",
    );
    expect(at("fr")).toBe(
      "La rencontre commune est prévue le mercredi 18 mai de 14 h à 15 h 30 (lieu : BRULOCALIS) ; pourriez-vous nous dire si cet horaire vous convient ?",
    );
    expect(at("nl")).toBe(
      "De gezamenlijke ontmoeting staat gepland op woensdag 18 mei van 14.00 tot 15.30 uur (locatie: BRULOCALIS); kunt u ons laten weten of dat tijdstip u schikt?",
    );
    expect(at("de")).toBe(
      "Das gemeinsame Treffen ist am Mittwoch, 18. Mai, von 14:00 bis 15:30 Uhr geplant (Ort: BRULOCALIS). Könnten Sie uns mitteilen, ob Ihnen dieser Termin passt?",
    );
    expect(at("es")).toBe(
      "La reunión conjunta está prevista para el miércoles 18 de mayo de 14:00 a 15:30 (lugar: BRULOCALIS); les agradeceríamos que nos confirmaran si este horario les conviene.",
    );
    expect(at("it")).toBe(
      "L'incontro congiunto è previsto per mercoledì 18 maggio dalle 14.00 alle 15.30 (luogo: BRULOCALIS); vi saremmo grati se poteste farci sapere se l'orario vi è comodo.",
    );
    // "na" takes the accusative too: "na środę".
    expect(at("pl")).toBe(
      "Wspólne spotkanie zaplanowano na środę 18 maja w godzinach 14.00–15.30 (miejsce: BRULOCALIS); prosimy o informację, czy ten termin Państwu odpowiada.",
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
    shape: VISIT,
    plan: availabilityPlan([], [], true),
    delegationLanguages: [],
    hostLanguages: [],
    stepFree: false,
    email: "<a@example.org>",
  });
  const intro = (language: LetterLanguage, dates: string[]) => letterPhrases(language).introduction(facts(dates));
  const subject = (language: LetterLanguage, dates: string[]) => letterPhrases(language).subject(facts(dates));
  const TWO = ["2018-09-18", "2018-09-19"];
  const RANGE = ["2022-05-16", "2022-05-17", "2022-05-18"];
  const MONTHS = ["2018-09-30", "2018-10-01"];
  const YEARS = ["2018-12-31", "2019-01-02"];

  it("English", () => {
    expect(intro("en", TWO)).toContain("from Jelgava on Tuesday 18 and Wednesday 19 September 2018,");
    expect(intro("en", RANGE)).toContain("from Monday 16 to Wednesday 18 May 2022,");
    expect(intro("en", YEARS)).toContain("on Monday 31 December 2018 and Wednesday 2 January 2019");
    expect(subject("en", TWO)).toBe("Request for a study visit by a delegation from Jelgava, 18 and 19 September 2018");
  });

  it("French: 'le' before each day, the first of the month is 1er", () => {
    expect(intro("fr", RANGE)).toContain("du lundi 16 au mercredi 18 mai 2022,");
    expect(intro("fr", MONTHS)).toContain("le dimanche 30 septembre et le lundi 1er octobre 2018");
    expect(subject("fr", ["2018-09-19"])).toBe(
      "Demande de visite d'étude pour une délégation venant de Jelgava, le 19 septembre 2018",
    );
  });

  it("Dutch", () => {
    expect(intro("nl", RANGE)).toContain("van maandag 16 tot en met woensdag 18 mei 2022");
    expect(intro("nl", TWO)).toContain("op dinsdag 18 en woensdag 19 september 2018 een studiebezoek");
  });

  it("German: day numbers with a point, no weekdays in a list of days", () => {
    expect(intro("de", TWO)).toBe(
      "wir organisieren am 18. und 19. September 2018 einen Studienbesuch für eine Delegation von 8 Personen aus Jelgava und würden uns sehr freuen, wenn Sie uns empfangen könnten.",
    );
    expect(intro("de", RANGE)).toContain("vom 16. bis 18. Mai 2022");
    expect(intro("de", MONTHS)).toContain("am 30. September und 1. Oktober 2018");
    expect(intro("de", YEARS)).toContain("am 31. Dezember 2018 und 2. Januar 2019");
    expect(subject("de", TWO)).toBe(
      "Anfrage für einen Studienbesuch einer Delegation aus Jelgava am 18. und 19. September 2018",
    );
  });

  it("Spanish: 'de' before the month and the year", () => {
    expect(intro("es", TWO)).toContain("el martes 18 y el miércoles 19 de septiembre de 2018");
    expect(intro("es", RANGE)).toContain("del lunes 16 al miércoles 18 de mayo de 2022");
    expect(intro("es", MONTHS)).toContain("el domingo 30 de septiembre y el lunes 1 de octubre de 2018");
    expect(subject("es", TWO)).toBe(
      "Solicitud de visita de estudio de una delegación procedente de Jelgava, los días 18 y 19 de septiembre de 2018",
    );
    expect(subject("es", ["2018-09-19"])).toMatch(/, el 19 de septiembre de 2018$/);
  });

  it("Italian: weekdays without article, the first of the month is 1º", () => {
    expect(intro("it", TWO)).toContain("che si svolgerà martedì 18 e mercoledì 19 settembre 2018,");
    expect(intro("it", RANGE)).toContain("che si svolgerà da lunedì 16 a mercoledì 18 maggio 2022,");
    expect(intro("it", MONTHS)).toContain("domenica 30 settembre e lunedì 1º ottobre 2018");
    expect(subject("it", RANGE)).toMatch(/, dal 16 al 18 maggio 2022$/);
  });

  it("Polish: 'w dniach', months in the genitive, 'r.' after the year", () => {
    expect(intro("pl", TWO)).toBe(
      "W dniach 18 i 19 września 2018 r. organizujemy wizytę studyjną delegacji z Jelgavy. Delegacja liczy 8 osób. Bylibyśmy bardzo wdzięczni, gdyby zechcieli Państwo nas przyjąć.",
    );
    expect(intro("pl", RANGE)).toContain("W dniach 16–18 maja 2022 r.");
    expect(intro("pl", MONTHS)).toContain("W dniach 30 września i 1 października 2018 r.");
    expect(intro("pl", ["2018-09-19"])).toContain("W dniu 19 września 2018 r.");
    expect(intro("pl", ["2018-09-28", "2018-09-29", "2018-09-30", "2018-10-01"])).toContain(
      "W dniach 28 września – 1 października 2018 r.",
    );
    expect(subject("pl", TWO)).toBe("wizyty studyjnej delegacji z Jelgavy w dniach 18 i 19 września 2018 r.");
  });

  it("the letter's own date line", () => {
    const line = (language: LetterLanguage, date: string) => letterPhrases(language).date(date);
    expect(["en", "fr", "nl", "de", "es", "it", "pl"].map((l) => line(l as LetterLanguage, "2018-10-01"))).toEqual([
      "1 October 2018",
      "Le 1er octobre 2018",
      "1 oktober 2018",
      "1. Oktober 2018",
      "1 de octubre de 2018",
      "1º ottobre 2018",
      "1 października 2018 r.",
    ]);
  });
});

describe("lists in words", () => {
  it("Italian writes 'ed' before a word starting with e; Spanish 'e' before i and 'u' before o (ICU)", () => {
    expect(letterPhrases("it").reason(["language learning", "empowerment of women"])).toContain(
      "language learning ed empowerment of women",
    );
    expect(letterPhrases("it").reason(["volontariato", "inclusione"])).toContain("volontariato e inclusione");
    expect(letterPhrases("es").reason(["voluntariado", "integración"])).toContain("voluntariado e integración");
  });
});
