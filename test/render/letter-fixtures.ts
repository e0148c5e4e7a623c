import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rankCandidates, type Candidate } from "../../src/plan/candidates.js";
import { loadHolidays } from "../../src/commands/load-holidays.js";
import { loadWorkspace } from "../../src/records/load-workspace.js";
import type { Request } from "../../src/records/schemas.js";
import type { Workspace } from "../../src/records/workspace.js";
import type { LetterLanguage } from "../../src/render/letter-language.js";
import { repoRoot } from "../helpers/files.js";

// Letters are written from the bundled workspace (data/), as an organiser
// would run `studyvisit letter ljubljana-2018 --host etterbeek`.

export const letterGoldenDir = join(repoRoot, "test", "render", "golden", "letters");

/** 21 August 2018, the date of the seed's note of intention. */
export const LETTER_DATE = "2018-08-21";

let bundled: Workspace | undefined;

export function bundledWorkspace(): Workspace {
  if (!bundled) {
    const { workspace, problems } = loadWorkspace(join(repoRoot, "data"), repoRoot);
    if (problems.length > 0)
      throw new Error(`the bundled workspace is invalid:\n${problems.map((p) => JSON.stringify(p)).join("\n")}`);
    bundled = workspace;
  }
  return bundled;
}

const bundledHolidays = await loadHolidays(bundledWorkspace());

export function bundledCandidate(requestId: string, hostId: string): { request: Request; candidate: Candidate } {
  const ws = bundledWorkspace();
  const request = ws.requests.get(requestId);
  if (!request) throw new Error(`no request ${requestId} in data/`);
  const candidate = rankCandidates(request, { ws, holidays: bundledHolidays }).find((c) => c.host.id === hostId);
  if (!candidate) throw new Error(`no host ${hostId} in data/`);
  return { request, candidate };
}

export function bundledTemplate(language: LetterLanguage): string {
  return readFileSync(join(repoRoot, "templates", "letters", `${language}.md`), "utf8");
}

/** The path of a golden letter, for `await expect(letter).toMatchFileSnapshot(letterGolden(file))` (see `golden`). */
export function letterGolden(file: string): string {
  return join(letterGoldenDir, file);
}
