import { WEEKDAYS, type Geo } from "../records/formats.js";
import { countryAt, zoneAt, zonesOfCountry } from "../records/geography.js";
import { hostSchema } from "../records/schemas.js";
import { newPlace } from "./new-place.js";
import {
  Draft,
  duration,
  hours,
  list,
  NONE,
  numberish,
  ordered,
  setAt,
  text,
  type Fields,
  type Path,
  type RecordWizard,
} from "./record-wizard.js";

/** Sentinel choice value, like NONE. */
const INLINE = " inline";

const upper = (answer: string): unknown => text(answer.toUpperCase());

/** `studyvisit new host`. */
export async function newHost(wizard: RecordWizard): Promise<Fields> {
  const { ws } = wizard;
  const draft = new Draft(hostSchema);
  const name = (await wizard.field(draft, { message: "Organisation name", path: ["name"] })) as string;
  await wizard.id(draft, "host", name);
  await hostPlace(wizard, draft);
  await wizard.themes(draft, ["themes"], "Themes of its practice");
  await wizard.field(draft, {
    message: "Languages a visit can be held in (ISO codes, comma-separated: fr, nl, en)",
    path: ["languages"],
    optional: true,
    convert: list,
  });
  await wizard.field(draft, {
    message: "Kind of organisation (municipality, NGO, cooperative…)",
    path: ["kind"],
    optional: true,
  });
  await wizard.field(draft, { message: "One-sentence summary", path: ["summary"], optional: true });
  await wizard.field(draft, { message: "Web site", path: ["url"], optional: true });
  const where = placeGeo(wizard, draft);
  const country = (await wizard.field(draft, {
    message: "Country, for public holidays (two letters, like BE)",
    path: ["country"],
    optional: true,
    ...optionalDefault((where && countryAt(where)) ?? mostCommon([...ws.hosts.values()].map((h) => h.country))),
    convert: upper,
  })) as string | undefined;
  if (country) {
    const regions = [...ws.hosts.values()].filter((h) => h.country === country).map((h) => h.region);
    await wizard.field(draft, {
      message: `Region of ${country}, if its holidays differ (like ${country}-BRU)`,
      path: ["region"],
      optional: true,
      ...optionalDefault(mostCommon(regions)),
      convert: upper,
    });
  }
  await contacts(wizard, draft);
  await wizard.field(draft, {
    message: "Length of a visit (90, 90min, 1h30)",
    path: ["visit", "duration"],
    default: "60min",
    convert: duration,
  });
  const place =
    typeof draft.value.place === "string"
      ? ws.places.get(draft.value.place)
      : (draft.value.place as { id: string; capacity?: number });
  await wizard.field(draft, {
    message: "Largest group it receives",
    path: ["visit", "capacity"],
    optional: true,
    convert: numberish,
    also: (v) =>
      place?.capacity !== undefined && typeof v === "number" && v > place.capacity
        ? `visit.capacity ${v} is larger than its place \`${place.id}\` holds (capacity ${place.capacity})`
        : undefined,
  });
  const places = wizard.placeChoices(false);
  if (places.length > 0) {
    const endsAt = await wizard.pick(
      "Where does a visit end?",
      [{ name: "where it starts", value: NONE }, ...places],
      NONE,
    );
    if (endsAt !== NONE) setAt(draft.value, ["visit", "ends_at"], endsAt);
  }
  await availability(wizard, draft);
  // The zone first, as in SPEC's example: it says how to read every hour below it.
  if (draft.value.availability)
    draft.value.availability = ordered(draft.value.availability as Fields, [
      "timezone",
      "weekly",
      "dates",
      "slots",
      "closed",
      "parallel",
    ]);
  return ordered(draft.value, [
    "id",
    "name",
    "kind",
    "summary",
    "url",
    "themes",
    "languages",
    "country",
    "region",
    "contacts",
    "place",
    "visit",
    "availability",
  ]);
}

async function hostPlace(wizard: RecordWizard, draft: Draft): Promise<void> {
  const places = wizard.placeChoices(true);
  const choice =
    places.length === 0
      ? INLINE
      : await wizard.pick("Where does it receive visitors?", [
          ...places,
          { name: "a new place: describe it here", value: INLINE },
        ]);
  // An inline place lives in the host's file, under `place:`.
  draft.value.place = choice !== INLINE ? choice : await newPlace(wizard, true);
}

async function contacts(wizard: RecordWizard, draft: Draft): Promise<void> {
  await wizard.repeat(
    "Add a contact person (who receives the letter and the invitation)?",
    "Add another contact?",
    async (i) => {
      const at = (key: string): Path => ["contacts", i, key];
      await wizard.field(draft, {
        message: "Contact's name (or a desk, like International Relations Office)",
        path: at("name"),
      });
      await wizard.field(draft, { message: "Role", path: at("role"), optional: true });
      await wizard.field(draft, { message: "E-mail", path: at("email"), optional: true });
      await wizard.field(draft, { message: "Phone", path: at("phone"), optional: true });
      await wizard.field(draft, {
        message: "Language to write to them in (ISO code, like fr)",
        path: at("lang"),
        optional: true,
      });
    },
  );
}

async function availability(wizard: RecordWizard, draft: Draft): Promise<void> {
  const at = (...path: Path): Path => ["availability", ...path];
  const count = { weekly: 0, dates: 0, slots: 0, closed: 0 };
  const listed = (key: "slots" | "closed"): unknown[] =>
    (((draft.value.availability as Fields | undefined)?.[key] as unknown[] | undefined) ?? []).map((x) =>
      key === "slots" ? (x as Fields).date : x,
    );
  const clash = (date: unknown) => `slot on ${String(date)} falls on a date listed in \`closed\``;
  for (;;) {
    const added = count.weekly + count.dates + count.slots;
    const choice = await wizard.pick(
      added === 0 ? "When can it receive a delegation?" : "Anything else about when it can receive a delegation?",
      [
        { name: "every week on some days (weekly)", value: "weekly" },
        { name: "on a date, between some hours (dates)", value: "dates" },
        { name: "a fixed offer: exactly this date and time (slots)", value: "slots" },
        { name: "a date it is closed (closed)", value: "closed" },
        { name: added === 0 ? "skip: I do not know yet" : "done", value: "done" },
      ],
      added === 0 ? "weekly" : "done",
    );
    if (choice === "done") break;
    if (choice === "weekly") {
      const i = count.weekly++;
      let days: string[] = [];
      while (days.length === 0) {
        days = await wizard.prompter.checkbox({
          message: "On which days?",
          choices: WEEKDAYS.map((d) => ({ name: d, value: d })),
        });
        if (days.length === 0) wizard.say("a weekly window needs at least one day, like [tue, wed]");
      }
      setAt(draft.value, at("weekly", i, "days"), days);
      await wizard.field(draft, {
        message: "Between which hours (09:00-17:00)?",
        path: at("weekly", i, "hours"),
        default: "09:00-17:00",
        convert: hours,
      });
    } else if (choice === "closed") {
      const i = count.closed++;
      await wizard.field(draft, {
        message: "Closed on (YYYY-MM-DD)",
        path: at("closed", i),
        also: (v) => (listed("slots").includes(v) ? clash(v) : undefined),
      });
    } else if (choice === "dates" || choice === "slots") {
      const i = count[choice]++;
      await wizard.field(draft, {
        message: "Date (YYYY-MM-DD)",
        path: at(choice, i, "date"),
        also: (v) => (choice === "slots" && listed("closed").includes(v) ? clash(v) : undefined),
      });
      await wizard.field(draft, { message: "Hours (09:30-11:00)", path: at(choice, i, "hours"), convert: hours });
    }
  }
  if (count.weekly + count.dates + count.slots === 0) {
    wizard.say("no availability yet: the planner will not place this host until you add `availability:` to its file");
    return;
  }
  // The clock of the host's place (else of its country), not the workspace's: a London host keeps London time.
  const zone = wizard.ws.config.timezone;
  const where = placeGeo(wizard, draft);
  const country = draft.value.country as string | undefined;
  const countryZones = country ? zonesOfCountry(country) : [];
  const own = (where && zoneAt(where)) ?? (countryZones.length === 1 ? countryZones[0] : undefined) ?? zone;
  const tz = await wizard.field(draft, {
    message: "Time zone of these hours",
    path: at("timezone"),
    ...(own ? { default: own } : {}),
    optional: !own,
  });
  // The workspace's zone is the default: repeating it in every host would only be something to keep in step.
  if (tz === zone) setAt(draft.value, at("timezone"), undefined);
  const parallel = await wizard.field(draft, {
    message: "How many delegations it can receive at the same time",
    path: at("parallel"),
    default: "1",
    convert: numberish,
  });
  if (parallel === 1) setAt(draft.value, at("parallel"), undefined);
}

/** The position of the host's place (an existing one, or the inline one just described). */
function placeGeo(wizard: RecordWizard, draft: Draft): Geo | undefined {
  const place = draft.value.place;
  if (typeof place === "string") {
    const known = wizard.ws.places.get(place);
    return known && !known.online ? known.geo : undefined;
  }
  const inline = place as { geo?: Geo; online?: string } | undefined;
  return inline && !inline.online ? inline.geo : undefined;
}

function optionalDefault(value: string | undefined): { default?: string } {
  return value === undefined ? {} : { default: value };
}

function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}
