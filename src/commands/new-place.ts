import { parseGeo, type Geo } from "../records/formats.js";
import { FAR_KM } from "../records/geo-checks.js";
import { judgePosition } from "../records/geography.js";
import { placeSchema } from "../records/schemas.js";
import { Draft, NONE, numberish, ordered, required, type Fields, type RecordWizard } from "./record-wizard.js";

const PLACE_KINDS = ["office", "hotel", "restaurant", "station", "public-space", "community-centre", "video-call"];
/** Sentinel choice value, like NONE. */
const OTHER = " other";

/**
 * `studyvisit new place`. With `inline`, the place a host's file holds under
 * `place:`: its fields are checked where they will stand, and its id need not
 * be free as a file name.
 */
export async function newPlace(wizard: RecordWizard, inline = false): Promise<Fields> {
  const draft = new Draft(placeSchema, inline ? ["place"] : []);
  const name = (await wizard.field(draft, { message: "Place name", path: ["name"] })) as string;
  await wizard.id(draft, "place", name, ["id"], inline);
  const online = await wizard.prompter.confirm({
    message: "Is it a virtual venue (a video call, a webinar room)?",
    default: false,
  });
  if (online) {
    await wizard.field(draft, { message: "Address of the call (https://…)", path: ["online"] });
    await wizard.field(draft, { message: "Street address", path: ["address"], optional: true });
  } else {
    // `check` wants an address and a position for every place one walks to (the same words as its cross-check).
    const id = String(draft.value.id);
    await wizard.field(draft, {
      message: "Street address",
      path: ["address"],
      also: required(`place \`${id}\` needs an \`address\` unless it is \`online\``),
    });
    // Checked against the workspace's places as it is typed: a position typed longitude first lands in the sea.
    const others = wizard.ws.places;
    const near = [...others.values()].flatMap((p) => (p.geo && !p.online ? [{ id: p.id, geo: p.geo }] : []));
    for (;;) {
      const geo = (await wizard.field(draft, {
        message: 'Position "latitude, longitude" (copy it from a map app)',
        path: ["geo"],
        also: (v) => {
          const missing = required(
            `place \`${id}\` needs \`geo\` (its position, to compute walking times) unless it is \`online\``,
          )(v);
          if (missing) return missing;
          const parsed = parseGeo(v);
          return parsed.ok ? judgePosition(parsed.value, near, FAR_KM).swap : undefined;
        },
        store: (v) => {
          const parsed = parseGeo(v);
          return parsed.ok ? parsed.value : v;
        },
      })) as Geo;
      const far = judgePosition(geo, near, FAR_KM).far;
      if (!far || (await wizard.prompter.confirm({ message: `${far}. Keep this position?`, default: false }))) break;
    }
  }
  await placeKind(wizard, draft, online);
  if (!online) {
    const stepFree = await wizard.pick<boolean | string>(
      "Step-free access (lift or ramp, no stairs)?",
      [
        { name: "yes", value: true },
        { name: "no", value: false },
        { name: "don't know (leave it out)", value: NONE },
      ],
      NONE,
    );
    if (stepFree !== NONE) draft.value.step_free = stepFree;
  }
  await wizard.field(draft, {
    message: "How many people it holds",
    path: ["capacity"],
    optional: true,
    convert: numberish,
  });
  return ordered(draft.value, ["id", "name", "kind", "address", "geo", "online", "step_free", "capacity"]);
}

async function placeKind(wizard: RecordWizard, draft: Draft, online: boolean): Promise<void> {
  const used = [...wizard.ws.places.values()].map((p) => p.kind).filter((k): k is string => k !== undefined);
  const kinds = [...new Set([...PLACE_KINDS, ...used])];
  const choice = await wizard.pick(
    "Kind of place",
    [
      ...kinds.map((k) => ({ name: k, value: k })),
      { name: "other (type it)", value: OTHER },
      { name: "leave it out", value: NONE },
    ],
    online ? "video-call" : NONE,
  );
  if (choice === OTHER) await wizard.field(draft, { message: "Kind of place", path: ["kind"], optional: true });
  else if (choice !== NONE) draft.value.kind = choice;
}
