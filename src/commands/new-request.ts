import { formatHours, parseDuration, parseHours, parseMargin } from "../records/formats.js";
import { zoneAt } from "../records/geography.js";
import { requestSchema } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import {
  Draft,
  duration,
  hours,
  list,
  NONE,
  numberish,
  ordered,
  required,
  setAt,
  type Fields,
  type Path,
  type RecordWizard,
} from "./record-wizard.js";

const SPEC_PACE = { walking_kmh: 4.0, detour: 1.3, buffer: "10min", max_walk: "25min" };

/** `studyvisit new request`. */
export async function newRequest(wizard: RecordWizard): Promise<Fields> {
  const draft = new Draft(requestSchema);
  const title = (await wizard.field(draft, { message: "Title of the visit", path: ["title"] })) as string;
  await wizard.id(draft, "request", title);
  await wizard.field(draft, { message: "Organiser's name", path: ["organiser", "name"] });
  await wizard.field(draft, {
    message: "Organiser's organisation",
    path: ["organiser", "organisation"],
    optional: true,
  });
  await wizard.field(draft, { message: "Organiser's e-mail (hosts reply to it)", path: ["organiser", "email"] });
  await wizard.field(draft, { message: "Organiser's phone", path: ["organiser", "phone"], optional: true });
  await wizard.field(draft, {
    message: "Organiser's language (ISO code, like en)",
    path: ["organiser", "lang"],
    optional: true,
  });
  await wizard.field(draft, {
    message: "Where the delegation comes from",
    path: ["delegation", "from"],
    optional: true,
  });
  await wizard.field(draft, {
    message: "How many people in the delegation",
    path: ["delegation", "size"],
    convert: numberish,
  });
  await wizard.field(draft, {
    message: "Who they are (comma-separated: city officials, NGO staff)",
    path: ["delegation", "profile"],
    optional: true,
    convert: list,
  });
  await wizard.field(draft, {
    message: "Languages they speak (ISO codes, comma-separated: en, sl)",
    path: ["delegation", "languages"],
    optional: true,
    convert: list,
  });
  setAt(
    draft.value,
    ["delegation", "step_free"],
    await wizard.prompter.confirm({ message: "Does anyone need step-free access (no stairs)?", default: false }),
  );
  // The zone where the workspace's places are (a London workspace made by `init` still says Brussels).
  const zone = placesZone(wizard.ws) ?? wizard.ws.config.timezone;
  // Written even when it is the workspace's: a request is often copied to another workspace.
  await wizard.field(draft, {
    message: "Time zone of the visit",
    path: ["timezone"],
    ...(zone ? { default: zone } : {}),
    also: required(
      `request \`${String(draft.value.id)}\` has no \`timezone\`, and studyvisit.yaml gives none: add \`timezone: Europe/Brussels\` (or the visit's zone)`,
    ),
  });
  await days(wizard, draft);
  const bases = wizard.placeChoices(false);
  if (bases.length > 0) {
    const base = await wizard.pick(
      "Where does each day start and end (the hotel)?",
      [{ name: "nowhere in particular", value: NONE }, ...bases],
      NONE,
    );
    if (base !== NONE) draft.value.base = base;
  }
  await interests(wizard, draft);
  await hostLists(wizard, draft);
  await meals(wizard, draft);
  await pace(wizard, draft);
  await wizard.field(draft, {
    message: "At most how many visits a day",
    path: ["max_visits_per_day"],
    optional: true,
    convert: numberish,
  });
  return ordered(draft.value, [
    "id",
    "title",
    "organiser",
    "delegation",
    "timezone",
    "days",
    "base",
    "interests",
    "must_visit",
    "avoid",
    "priorities",
    "meals",
    "pace",
    "max_visits_per_day",
    "fixed",
  ]);
}

async function days(wizard: RecordWizard, draft: Draft): Promise<void> {
  const dates: string[] = [];
  do {
    const i = dates.length;
    const date = (await wizard.field(draft, {
      message: i === 0 ? "First day (YYYY-MM-DD)" : "Next day (YYYY-MM-DD)",
      path: ["days", i, "date"],
      also: (v) => (dates.includes(String(v)) ? `day ${String(v)} is listed twice` : undefined),
    })) as string;
    dates.push(date);
    await wizard.field(draft, {
      message: `Hours on ${date}`,
      path: ["days", i, "hours"],
      default: "09:00-17:00",
      convert: hours,
    });
  } while (await wizard.prompter.confirm({ message: "Add another day?", default: false }));
}

async function interests(wizard: RecordWizard, draft: Draft): Promise<void> {
  const themes = await wizard.themes(draft, ["interests"], "What the delegation wants to learn about");
  if (themes.length < 2) return;
  const heavier = await wizard.tick(
    "Do some interests matter more than the others? Tick them (Enter for none)",
    themes.map((t) => ({ name: t, value: t })),
  );
  for (const theme of heavier) {
    const i = themes.indexOf(theme);
    // A plain theme weighs 1; a weighted one is written as {theme, weight}, as in SPEC.
    const weight = await wizard.field(draft, {
      message: `Weight of "${theme}" (1 = like the others, 3 = three times as much)`,
      path: ["interests", i],
      default: "3",
      convert: (a) => ({ theme, weight: numberish(a) }),
    });
    if ((weight as { weight: unknown }).weight === 1) setAt(draft.value, ["interests", i], theme);
  }
}

async function hostLists(wizard: RecordWizard, draft: Draft): Promise<void> {
  const hosts = [...wizard.ws.hosts.values()]
    .sort((a, b) => a.name.localeCompare(b.name, "en"))
    .map((h) => ({ name: `${h.name} (${h.id})`, value: h.id }));
  if (hosts.length === 0) return;
  const must = await wizard.tick("Hosts the delegation must visit (Enter for none)", hosts);
  draft.value.must_visit = must;
  // Every host ticked as must-visit leaves none to leave out: the question is not asked.
  const avoid = await wizard.tick(
    "Hosts to leave out (Enter for none)",
    hosts.filter((h) => !must.includes(h.value)),
  );
  draft.value.avoid = avoid;
}

async function meals(wizard: RecordWizard, draft: Draft): Promise<void> {
  await wizard.repeat("Plan a meal break (lunch) on each day?", "Add another meal?", async (i) => {
    const at = (key: string): Path => ["meals", i, key];
    await wizard.field(draft, { message: "Name of the meal", path: at("name"), default: i === 0 ? "lunch" : "dinner" });
    const span = (await wizard.field(draft, {
      message: "Between which hours",
      path: at("hours"),
      default: i === 0 ? "12:00-14:00" : "19:00-21:00",
      convert: hours,
    })) as string;
    const name = String(((draft.value.meals as Fields[])[i] as Fields).name);
    await wizard.field(draft, {
      message: "How long",
      path: at("duration"),
      default: "60min",
      convert: duration,
      also: (v) => {
        const window = parseHours(span);
        const length = parseDuration(v);
        return window.ok && length.ok && length.value > window.value.end - window.value.start
          ? `${name} lasts ${length.value} min, longer than its hours ${formatHours(window.value)}`
          : undefined;
      },
    });
    const places = wizard.placeChoices(false);
    if (places.length > 0) {
      const chosen = await wizard.tick("Where (tick any; none = wherever the delegation is)", places);
      if (chosen.length > 0) setAt(draft.value, at("places"), chosen);
    }
  });
}

async function pace(wizard: RecordWizard, draft: Draft): Promise<void> {
  const base = { ...SPEC_PACE, ...stripUndefined(wizard.ws.config.pace ?? {}) };
  const shown = `${base.walking_kmh} km/h, detour ${base.detour}, buffer ${formatMinutes(base.buffer)}, longest walk ${formatMinutes(base.max_walk)}`;
  if (await wizard.prompter.confirm({ message: `Use the workspace's walking pace (${shown})?`, default: true })) return;
  const same = (a: unknown, b: unknown) => {
    const [x, y] = [parseMargin(a), parseMargin(b)];
    return x.ok && y.ok ? x.value === y.value : String(a) === String(b);
  };
  const keep = (key: keyof typeof SPEC_PACE, value: unknown) => {
    // Only what differs from the workspace is written: the rest keeps following studyvisit.yaml.
    if (value === undefined || same(value, base[key])) setAt(draft.value, ["pace", key], undefined);
  };
  keep(
    "walking_kmh",
    await wizard.field(draft, {
      message: "Walking speed of the group, km/h",
      path: ["pace", "walking_kmh"],
      default: String(base.walking_kmh),
      convert: numberish,
    }),
  );
  keep(
    "detour",
    await wizard.field(draft, {
      message: "Detour factor (1.3 = streets are 30% longer than a straight line)",
      path: ["pace", "detour"],
      default: String(base.detour),
      convert: numberish,
    }),
  );
  keep(
    "buffer",
    await wizard.field(draft, {
      message: "Buffer between two items",
      path: ["pace", "buffer"],
      default: formatMinutes(base.buffer),
      convert: duration,
    }),
  );
  keep(
    "max_walk",
    await wizard.field(draft, {
      message: "Longest walk before taking public transport",
      path: ["pace", "max_walk"],
      default: formatMinutes(base.max_walk),
      convert: duration,
    }),
  );
  if (Object.keys((draft.value.pace as Fields | undefined) ?? {}).length === 0) delete draft.value.pace;
}

function formatMinutes(value: number | string): string {
  return typeof value === "number" ? `${value}min` : value;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The zone most of the workspace's places lie in (the workspace's own zone on a tie), if any lies in one. */
export function placesZone(ws: Workspace): string | undefined {
  const counts = new Map<string, number>();
  for (const place of ws.places.values()) {
    const zone = place.geo && !place.online ? zoneAt(place.geo) : undefined;
    if (zone) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  const top = Math.max(0, ...counts.values());
  const tied = [...counts].filter(([, n]) => n === top).map(([zone]) => zone);
  if (tied.length === 0) return undefined;
  return ws.config.timezone && tied.includes(ws.config.timezone) ? ws.config.timezone : tied.sort()[0];
}
