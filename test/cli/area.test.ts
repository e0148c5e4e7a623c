import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AgendaDocument } from "../../src/plan/agenda.js";
import { tempDir } from "../helpers/files.js";
import { runCli } from "../helpers/run-cli.js";

// SPEC "Area": one workspace is the organiser's address book of hosts in many cities; a request
// plans only the hosts within `area.within_km` of its base. The three work visits of issue 9 (a
// Spanish team in London, Dutch officials in Warsaw, a Polish delegation in Madrid), each city
// 1,200+ km from the others, with the same themes everywhere: no request's match, plan, letters
// or documents may name another city's hosts. Online hosts are in every area.

interface City {
  code: string;
  name: string;
  zone: string;
  country: string;
  lat: number;
  lon: number;
  date: string;
  from: string;
}

const CITIES: City[] = [
  {
    code: "lon",
    name: "London",
    zone: "Europe/London",
    country: "GB",
    lat: 51.5035,
    lon: -0.0804,
    date: "2015-03-23",
    from: "Spain",
  },
  {
    code: "waw",
    name: "Warsaw",
    zone: "Europe/Warsaw",
    country: "PL",
    lat: 52.2297,
    lon: 21.0122,
    date: "2015-04-14",
    from: "the Netherlands",
  },
  {
    code: "mad",
    name: "Madrid",
    zone: "Europe/Madrid",
    country: "ES",
    lat: 40.4168,
    lon: -3.7038,
    date: "2015-04-08",
    from: "Poland",
  },
];

const THEMES = ["social cohesion", "migrant integration", "voluntary sector", "education"];
const HOSTS_PER_CITY = 4;

/** The address book: in each city a hotel, a canteen and HOSTS_PER_CITY hosts, each in its own street; one online host. */
function addressBook(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const city of CITIES) {
    const near = (k: number) => `"${(city.lat + 0.002 * k).toFixed(4)}, ${(city.lon + 0.003 * k).toFixed(4)}"`;
    const places = [
      `- {id: ${city.code}-hotel, name: ${city.name} Hotel, address: "1 Station Street, ${city.name}", geo: ${near(0)}}`,
      `- {id: ${city.code}-canteen, name: ${city.name} Canteen, address: "2 Market Street, ${city.name}", geo: ${near(1)}}`,
    ];
    for (let k = 0; k < HOSTS_PER_CITY; k++) {
      places.push(
        `- {id: ${city.code}-office-${k}, name: ${city.name} Office ${k}, address: "${k + 10} Main Street, ${city.name}", geo: ${near(k + 2)}}`,
      );
      files[`hosts/${city.code}-host-${k}.yaml`] = `id: ${city.code}-host-${k}
name: ${city.name} ${THEMES[k]} network
themes: [${THEMES[k]}]
country: ${city.country}
contacts: [{name: ${city.name} Contact ${k}, email: ${city.code}.${k}@example.org, lang: en}]
place: ${city.code}-office-${k}
visit: {duration: 60min}
availability:
  timezone: ${city.zone}
  weekly: [{days: [mon, tue, wed, thu, fri], hours: "09:00-17:00"}]
`;
    }
    files[`places/${city.code}.yaml`] = `${places.join("\n")}\n`;
  }
  files["places/online.yaml"] = '- {id: webinar-room, name: Webinar room, online: "https://example.org/room"}\n';
  files["hosts/online.yaml"] = `id: eu-network
name: European integration network (online)
themes: [${THEMES[1]}]
contacts: [{name: Network Secretariat, email: network@example.org, lang: en}]
place: webinar-room
visit: {duration: 30min}
availability: {weekly: [{days: [mon, tue, wed, thu, fri], hours: "09:00-17:00"}]}
`;
  CITIES.forEach((city, i) => {
    // London has a base; Warsaw none, but a fixed item at its hotel; Madrid none, but lunch at its canteen.
    const where =
      i === 0
        ? `base: ${city.code}-hotel`
        : i === 1
          ? `fixed: [{title: Kick-off, date: ${city.date}, hours: "09:00-09:30", place: ${city.code}-hotel}]`
          : `meals: [{name: lunch, hours: "12:00-14:00", duration: 60min, places: [${city.code}-canteen]}]`;
    files[`requests/${city.code}.yaml`] = `id: visit-${city.code}
title: Work visit
organiser: {name: Organiser, email: organiser@example.org}
delegation: {from: ${city.from}, size: 8, languages: [en]}
timezone: ${city.zone}
days: [{date: ${city.date}, hours: "09:00-17:00"}]
${where}
interests: [${THEMES.join(", ")}]
max_visits_per_day: 3
`;
  });
  return files;
}

function writeWorkspace(): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries(addressBook())) {
    mkdirSync(join(dir, "data", path, ".."), { recursive: true });
    writeFileSync(join(dir, "data", path), content);
  }
  return dir;
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) Object.assign(out, filesUnder(full));
    else out[full] = readFileSync(full, "utf8");
  }
  return out;
}

/** Every way another city's host could be named: its id, its name, its place, its contact. */
const foreign = (city: City) =>
  new RegExp(
    CITIES.filter((c) => c !== city)
      .flatMap((c) => [`${c.code}-`, c.name, `${c.code}\\.\\d@`])
      .join("|"),
    "i",
  );

describe("the visit's own area", () => {
  for (const city of CITIES) {
    it(`${city.name}: match, plan, letters and every document name only ${city.name}'s hosts and online ones`, async () => {
      const dir = writeWorkspace();
      const request = `visit-${city.code}`;
      const other = foreign(city);

      const match = await runCli(["match", request, "--json"], { cwd: dir });
      expect(match.code).toBe(0);
      const ranked = JSON.parse(match.stdout) as {
        candidates: { host: string }[];
        excluded: { host: string }[];
        area: { out_of_area: number };
      };
      expect(ranked.candidates.map((c) => c.host).sort()).toEqual(
        ["eu-network", ...Array.from({ length: HOSTS_PER_CITY }, (_, k) => `${city.code}-host-${k}`)].sort(),
      );
      expect(ranked.excluded).toEqual([]);
      expect(ranked.area.out_of_area).toBe(2 * HOSTS_PER_CITY);
      const text = await runCli(["match", request], { cwd: dir });
      expect(text.code).toBe(0);
      expect(`${text.stdout}${text.stderr}`).not.toMatch(other);
      expect(text.stderr).toContain(`${2 * HOSTS_PER_CITY} hosts are outside the area`);

      const plan = await runCli(["plan", request, "--out", "out"], { cwd: dir });
      expect(plan.code).toBe(0);
      expect(`${plan.stdout}${plan.stderr}`).not.toMatch(other);
      const json = await runCli(["plan", request, "--json"], { cwd: dir });
      const agenda = (JSON.parse(json.stdout) as AgendaDocument).agendas[0];
      const visited = agenda?.days.flatMap((d) => d.items.filter((i) => i.kind === "visit").map((i) => i.host));
      expect(visited?.length).toBeGreaterThanOrEqual(2);
      expect(json.stdout).not.toMatch(other);

      const letters = await runCli(["letter", request, "--all", "-o", "letters"], { cwd: dir });
      expect(letters.code).toBe(0);
      expect(readdirSync(join(dir, "letters")).length).toBe(HOSTS_PER_CITY + 1);

      const written = { ...filesUnder(join(dir, "out")), ...filesUnder(join(dir, "letters")) };
      expect(Object.keys(written).some((f) => f.endsWith("itinerary.md"))).toBe(true);
      expect(Object.keys(written).some((f) => f.includes("invites"))).toBe(true);
      for (const [file, content] of Object.entries(written)) expect(`${file}\n${content}`).not.toMatch(other);
    });
  }

  it("match --all shows the other cities' hosts as out of area, with their distance from the base", async () => {
    const dir = writeWorkspace();
    const run = await runCli(["match", "visit-lon", "--all"], { cwd: dir });
    expect(run.code).toBe(0);
    // London–Warsaw is about 1,450 km, London–Madrid about 1,260 km (great circle).
    expect(run.stdout).toMatch(
      /Warsaw education network \(waw-host-3\): out-of-area — out of area, 1,4\d\d km from the base/,
    );
    expect(run.stdout).toMatch(
      /Madrid education network \(mad-host-3\): out-of-area — out of area, 1,2\d\d km from the base/,
    );
    const json = JSON.parse((await runCli(["match", "visit-lon", "--all", "--json"], { cwd: dir })).stdout) as {
      excluded: { host: string; excluded: { code: string } }[];
    };
    expect(json.excluded.filter((e) => e.excluded.code === "out-of-area")).toHaveLength(2 * HOSTS_PER_CITY);
  });

  it("without a base the area is around the fixed items' and meals' places, and says so", async () => {
    const dir = writeWorkspace();
    const warsaw = await runCli(["match", "visit-waw"], { cwd: dir });
    expect(warsaw.stderr).toContain("area: no base: the area is 50 km around Warsaw Hotel");
    const all = await runCli(["match", "visit-mad", "--all"], { cwd: dir });
    expect(all.stdout).toMatch(/out of area, 1,2\d\d km from Madrid Canteen/);
  });

  it("a wider area (studyvisit.yaml, or a request's own) lets far hosts in; an out-of-area must-visit host makes the plan impossible", async () => {
    const dir = writeWorkspace();
    const hosts = async () =>
      (
        JSON.parse((await runCli(["match", "visit-lon", "--json"], { cwd: dir })).stdout) as {
          candidates: { host: string }[];
        }
      ).candidates.map((c) => c.host.slice(0, 4));
    writeFileSync(join(dir, "data", "studyvisit.yaml"), "area: {within_km: 1400}\n");
    expect(await hosts()).toContain("mad-");
    expect(await hosts()).not.toContain("waw-");
    const path = join(dir, "data", "requests", "lon.yaml");
    const original = readFileSync(path, "utf8");
    writeFileSync(path, `${original}area: {within_km: 1500}\n`);
    expect(await hosts()).toContain("waw-");
    writeFileSync(path, `${original}area: {within_km: 10}\nmust_visit: [waw-host-0]\n`);
    expect(await hosts()).not.toContain("mad-");
    const run = await runCli(["plan", "visit-lon"], { cwd: dir });
    expect(run.code).toBe(4);
    // Another city, more than 100 km off: the message names the host's place, as for a mistyped position.
    expect(run.stderr).toMatch(
      /must-visit host waw-host-0 cannot be visited: out of area, because the place of waw-host-0, `[^`]+`, is 1,4\d\d km from the base/,
    );
  });
});
