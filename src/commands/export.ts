import { resolve } from "node:path";
import * as z from "zod";
import { RecordsError, UsageError } from "../errors.js";
import { packageVersion } from "../package-root.js";
import { isError } from "../records/problem.js";
import { MAX_TEMPLATE_BYTES } from "../records/read-text-file.js";
import type { Workspace } from "../records/workspace.js";
import { renderHtml } from "../render/html.js";
import { renderItineraryIcs } from "../render/ics.js";
import { renderMarkdown } from "../render/markdown.js";
import { loadAgendaFile, type LoadedAgenda } from "./agenda-file.js";
import type { CommandDeps } from "./context.js";
import { flag, oneOf, text } from "./command-line.js";
import { commandRunner } from "./definition.js";
import { loadHolidays } from "./load-holidays.js";
import { readUserFile, withUserTemplate } from "./read-user-file.js";
import { renderInput } from "./render-outputs.js";
import { loadValidWorkspace } from "./workspace-access.js";
import { writeOutputs } from "./write-files.js";

export const EXPORT_FORMATS = ["md", "ics", "json", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  data?: string;
  agenda: string;
  format: ExportFormat;
  output?: string;
  template?: string;
  force: boolean;
}

/** An agenda file (maybe edited by hand) re-checked against every rule: exports only what `check` accepts. */
export async function loadCheckedAgenda(
  path: string,
  ws: Workspace,
  deps: CommandDeps,
): Promise<Required<Pick<LoadedAgenda, "agenda" | "request">>> {
  const loaded = loadAgendaFile(path, ws, deps.cwd, await loadHolidays(ws));
  // Notes (a confirmed visit at times the host agreed to) are information, not a reason to refuse.
  if (loaded.problems.some(isError) || !loaded.agenda || !loaded.request) throw new RecordsError(loaded.problems);
  return { agenda: loaded.agenda, request: loaded.request };
}

export async function runExport(options: ExportOptions, deps: CommandDeps): Promise<number> {
  if (options.template && options.format !== "md") throw new UsageError("--template applies to --format md only");
  const { workspace: ws } = loadValidWorkspace(options.data, deps);
  const { agenda, request } = await loadCheckedAgenda(options.agenda, ws, deps);
  const input = renderInput(ws, request, agenda, deps);
  const template =
    options.template === undefined
      ? undefined
      : readUserFile(
          resolve(deps.cwd, options.template),
          options.template,
          { maxBytes: MAX_TEMPLATE_BYTES, what: "a template" },
          {
            message: `no template file at ${options.template}`,
            hint: "copy the package's templates/itinerary.md and pass its path",
          },
        );
  const text =
    options.format === "json"
      ? `${JSON.stringify({ agendas: [agenda] }, null, 2)}\n`
      : options.format === "ics"
        ? renderItineraryIcs(input, { version: packageVersion() })
        : options.format === "html"
          ? renderHtml(input)
          : withUserTemplate(options.template, () =>
              renderMarkdown(input, ...(template === undefined ? [] : [template])),
            );
  if (!options.output) {
    deps.out(text.replace(/\n$/, ""));
    return 0;
  }
  await writeOutputs(
    { files: [{ path: resolve(deps.cwd, options.output), content: text }], force: options.force, allowDevice: true },
    deps,
  );
  if (!deps.quiet) deps.err(deps.style.dim(`wrote ${options.output}`));
  return 0;
}

/** `studyvisit export` from its command line; its definition is in export-command.ts. */
export const exportRunner = commandRunner(
  z.strictObject({
    agenda: z.string(),
    data: text,
    format: oneOf(EXPORT_FORMATS).default("md"),
    output: text,
    template: text,
    force: flag,
  }),
  runExport,
);
