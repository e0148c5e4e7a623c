import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { RecordsError, UsageError } from "../errors.js";
import { packageVersion } from "../package-root.js";
import type { Request } from "../records/schemas.js";
import type { Workspace } from "../records/workspace.js";
import { renderHtml } from "../render/html.js";
import { renderItineraryIcs } from "../render/ics.js";
import { renderMarkdown } from "../render/markdown.js";
import { loadAgendaFile, type LoadedAgenda } from "./agenda-file.js";
import type { CommandDeps } from "./context.js";
import { loadHolidays } from "./load-holidays.js";
import type { CommandRunner } from "./definition.js";
import { renderInput } from "./render-outputs.js";
import { loadValidWorkspace } from "./workspace-access.js";
import { writeFilesSafely } from "./write-files.js";

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
  if (loaded.problems.length > 0 || !loaded.agenda || !loaded.request) throw new RecordsError(loaded.problems);
  return { agenda: loaded.agenda, request: loaded.request as Request };
}

export async function runExport(options: ExportOptions, deps: CommandDeps): Promise<number> {
  if (options.template && options.format !== "md") throw new UsageError("--template applies to --format md only");
  const ws = loadValidWorkspace(options.data, deps);
  const { agenda, request } = await loadCheckedAgenda(options.agenda, ws, deps);
  const input = renderInput(ws, request, agenda, deps);
  let template: string | undefined;
  if (options.template) {
    try {
      template = readFileSync(resolve(deps.cwd, options.template), "utf8");
    } catch {
      throw new UsageError(`cannot read the template ${options.template}`);
    }
  }
  const text =
    options.format === "json"
      ? `${JSON.stringify({ agendas: [agenda] }, null, 2)}\n`
      : options.format === "ics"
        ? renderItineraryIcs(input, { version: packageVersion() })
        : options.format === "html"
          ? renderHtml(input)
          : renderMarkdown(input, ...(template === undefined ? [] : [template]));
  if (!options.output) {
    deps.out(text.replace(/\n$/, ""));
    return 0;
  }
  writeFilesSafely([{ path: resolve(deps.cwd, options.output), content: text }], {
    force: options.force,
    cwd: deps.cwd,
  });
  if (!deps.quiet) deps.err(deps.style.dim(`wrote ${options.output}`));
  return 0;
}

/** `studyvisit export` from its parsed command line; its definition is in export-command.ts. */
export const runExportCommand: CommandRunner = (args, opts, deps) => {
  const format = String(opts.format);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}, got \`${format}\``);
  return runExport(
    {
      data: opts.data as string | undefined,
      agenda: args[0] as string,
      format: format as ExportFormat,
      ...(typeof opts.output === "string" ? { output: opts.output } : {}),
      ...(typeof opts.template === "string" ? { template: opts.template } : {}),
      force: opts.force === true,
    },
    deps,
  );
};
