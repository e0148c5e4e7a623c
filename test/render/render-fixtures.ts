import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Agenda } from "../../src/plan/agenda.js";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import type { RenderInput } from "../../src/render/render-input.js";
import { repoRoot } from "../helpers/files.js";

// Hand-built agendas over a fixture workspace (records copied from data/ and
// trimmed): the renderers are tested without the planner, and bundled-data
// edits never move the golden files.

export const renderDir = join(repoRoot, "test", "render");
export const fixtureDir = join(renderDir, "fixtures");
export const goldenDir = join(renderDir, "golden");

export const AGENDAS = [
  "ljubljana-2018",
  "autumn-2018",
  "express-2021",
  "hostile-2018",
  "roundtable-2018",
  "groups-2018",
] as const;
export type AgendaName = (typeof AGENDAS)[number];

/** SOURCE_DATE_EPOCH=1535788800: 1 September 2018, 08:00 UTC. */
export const GENERATED_AT = new Date(1_535_788_800_000);

const workspace = (() => {
  const { workspace, problems } = loadWorkspace(join(fixtureDir, "workspace"), repoRoot);
  if (problems.length > 0)
    throw new Error(`fixture workspace is invalid:\n${problems.map((p) => JSON.stringify(p)).join("\n")}`);
  return workspace;
})();

export function loadAgenda(name: AgendaName): Agenda {
  return JSON.parse(readFileSync(join(fixtureDir, `${name}.agenda.json`), "utf8")) as Agenda;
}

export function renderInput(name: AgendaName, agenda: Agenda = loadAgenda(name)): RenderInput {
  const request = workspace.requests.get(agenda.request);
  if (!request) throw new Error(`no request ${agenda.request} in the fixture workspace`);
  return { agenda, request, hosts: workspace.hosts, places: workspace.places, generatedAt: GENERATED_AT };
}

/**
 * The path of a golden file, for `await expect(text).toMatchFileSnapshot(golden(file))`:
 * the file holds the rendered text as it is, for a reviewer to read. `npx vitest run -u`
 * rewrites it (review the diff in git before committing); under CI a missing one fails.
 */
export function golden(file: string): string {
  return join(goldenDir, file);
}
