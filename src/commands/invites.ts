import { relative, resolve, sep } from "node:path";
import { RecordsError, UsageError } from "../errors.js";
import { describeAgendaDiff } from "../render/agenda-diff.js";
import type { RenderInput } from "../render/render-input.js";
import { loadAgendaFile } from "./agenda-file.js";
import type { CommandDeps } from "./context.js";
import { loadHolidays } from "./load-holidays.js";
import type { CommandRunner } from "./definition.js";
import { loadCheckedAgenda } from "./export.js";
import { inviteFiles, renderInput } from "./render-outputs.js";
import { loadValidWorkspace } from "./workspace-access.js";
import { writeFilesSafely } from "./write-files.js";

export interface InvitesOptions {
  data?: string;
  agenda: string;
  output: string;
  previous?: string;
  force: boolean;
}

/**
 * One METHOD:REQUEST .ics per host; with the agenda sent before, a moved
 * visit gets SEQUENCE + 1, an unchanged one keeps it, and a dropped one gets a
 * METHOD:CANCEL file of its own. The diff is printed.
 */
export async function runInvites(options: InvitesOptions, deps: CommandDeps): Promise<number> {
  const ws = loadValidWorkspace(options.data, deps);
  const { agenda, request } = await loadCheckedAgenda(options.agenda, ws, deps);
  let previousInput: RenderInput | undefined;
  if (options.previous) {
    // The old agenda may break today's rules (that is why it changed); it only has to be readable and of the same request.
    const old = loadAgendaFile(options.previous, ws, deps.cwd, await loadHolidays(ws));
    if (!old.agenda) throw new RecordsError(old.problems);
    if (old.agenda.request !== agenda.request)
      throw new UsageError(
        `--previous ${options.previous} is an agenda of ${old.agenda.request}, not ${agenda.request}`,
      );
    previousInput = renderInput(ws, request, old.agenda, deps);
  }
  const dir = resolve(deps.cwd, options.output);
  const result = inviteFiles(dir, renderInput(ws, request, agenda, deps), previousInput);
  writeFilesSafely(result.files, { force: options.force, cwd: deps.cwd });
  const name = (id: string) => ws.hosts.get(id)?.name ?? id;
  for (const file of result.files) deps.out(relative(deps.cwd, file.path).split(sep).join("/"));
  if (options.previous) {
    const diff = describeAgendaDiff(result.changes, name);
    deps.err(diff.length > 0 ? diff.join("\n") : "no visit changed since the previous agenda");
  }
  for (const host of result.uninvitable)
    deps.err(deps.style.warn(`no invitation for ${name(host)}: its record has no contact with an e-mail address`));
  return 0;
}

/** `studyvisit invites` from its parsed command line; its definition is in invites-command.ts. */
export const runInvitesCommand: CommandRunner = (args, opts, deps) => {
  if (typeof opts.output !== "string")
    throw new UsageError("invites needs -o DIR: the folder to write the .ics files into");
  return runInvites(
    {
      data: opts.data as string | undefined,
      agenda: args[0] as string,
      output: opts.output,
      ...(typeof opts.previous === "string" ? { previous: opts.previous } : {}),
      force: opts.force === true,
    },
    deps,
  );
};
